import { expect, test } from '@playwright/test';
import { accessToken, accountButton, signUpAndOpen, signUpOnProvider } from './support/auth';
import { addTodos, expectTitles, todoSelectors as s, settled } from './support/todos';

test('sign up from the header, come back signed in, tokens only in sessionStorage, sign out', async ({ page }) => {
  await page.goto('/products');
  const mainNav = page.getByRole('navigation', { name: 'メインナビゲーション' });
  await expect(mainNav.getByRole('link', { name: 'やること' })).toHaveCount(0); // a guest has no todos
  await page.getByRole('button', { name: 'ログイン' }).click();
  // the provider's page says ログイン as the shop does
  await expect(page.getByRole('heading', { level: 1, name: 'ログイン' })).toBeVisible();
  await expect(page.getByText(/サインイン/)).toHaveCount(0);
  const email = await signUpOnProvider(page);
  await expect(page).toHaveURL('/products');

  // tokens in sessionStorage; no cookie carries them (the provider's own session cookies aside)
  const token = await accessToken(page);
  const cookies = await page.context().cookies();
  expect(cookies.filter((c) => c.value.includes(token.slice(-24)))).toEqual([]);
  expect(
    cookies.map((c) => c.name).filter((name) => !name.startsWith('_session') && !name.startsWith('_interaction')),
  ).toEqual([]);

  // todos from the header's navigation, and from the menu; no admin link for a customer; sign out
  await mainNav.getByRole('link', { name: 'やること' }).click();
  await expect(page).toHaveURL('/todos');
  await expect(page.getByRole('heading', { level: 1, name: 'やること' })).toBeVisible();
  await page.goto('/products');
  await accountButton(page).click();
  const menu = page.getByRole('navigation', { name: 'アカウントメニュー' });
  await expect(menu.getByRole('link', { name: 'やること' })).toBeVisible();
  await expect(menu.getByRole('link', { name: '管理' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(accountButton(page)).toBeFocused();

  await accountButton(page).click();
  await menu.getByRole('link', { name: 'やること' }).click();
  await expect(page).toHaveURL('/todos');

  await accountButton(page).click();
  await menu.getByRole('button', { name: 'ログアウト' }).click();
  // the provider asks to confirm ending its session, then returns to the shop
  await page.getByRole('button', { name: /^(ログアウトする|Sign out)$/ }).click();
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('button', { name: 'ログイン' })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user:')))).toEqual([]);
  await page.goto('/todos');
  await page.waitForURL(/\/oidc\/interaction\//); // a page that needs a user asks to sign in again
  expect(email).toContain('@');
});

test('a second user sees none of the first user’s todos', async ({ page, browser }) => {
  await signUpAndOpen(page, '/todos');
  await addTodos(page, 'first user’s secret');
  await settled(page);

  const other = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  const otherPage = await other.newPage();
  await signUpAndOpen(otherPage, '/todos/active');
  await expect(otherPage.locator(s.newTodo)).toBeVisible();
  await expect(otherPage.locator(s.items)).toHaveCount(0);
  await addTodos(otherPage, 'second user’s own');
  await settled(otherPage);
  await other.close();

  await page.reload();
  await expectTitles(page, ['first user’s secret']);
});

test('an expired session (API answers 401) sends the user to sign in and back to the same page', async ({ page }) => {
  await signUpAndOpen(page, '/todos/completed');
  await page.route(
    '**/api/todos?*',
    (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'expired', requestId: 'e2e' } }),
      }),
    { times: 1 },
  );
  const toProvider = page.waitForRequest((request) => new URL(request.url()).pathname === '/oidc/auth');
  await page.reload();
  await toProvider;
  // the provider still has a session: it returns at once, to the page the user was on
  await expect(page).toHaveURL('/todos/completed');
  await expect(accountButton(page)).toBeVisible();
});

test('an expired access token is renewed with the refresh token, without leaving the page', async ({ page }) => {
  await signUpAndOpen(page, '/todos');
  await addTodos(page, 'kept across the renewal');
  await settled(page);
  const before = await accessToken(page);

  // Age the stored session past its access token's expiry, as a tab left open would.
  await page.evaluate(() => {
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i);
      if (!key?.startsWith('oidc.user:')) continue;
      const user = JSON.parse(sessionStorage.getItem(key) ?? '{}');
      user.expires_at = Math.floor(Date.now() / 1000) - 60;
      sessionStorage.setItem(key, JSON.stringify(user));
    }
  });
  const renewal = page.waitForRequest(
    (request) =>
      new URL(request.url()).pathname === '/oidc/token' &&
      request.postData()?.includes('grant_type=refresh_token') === true,
  );
  await page.reload();
  await renewal;
  await expectTitles(page, ['kept across the renewal']);
  await expect(page).toHaveURL('/todos'); // never sent to the provider's sign-in page
  expect(await accessToken(page)).not.toBe(before);
});
