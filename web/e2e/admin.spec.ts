import { expect, test } from '@playwright/test';
import { accountButton, demo, signInOnProvider, signUpAndOpen, uniqueEmail } from './support/auth';

test('the demo admin invites a user, changes roles, manages service tokens and reads the audit log', async ({
  page,
}) => {
  test.slow(); // one long journey through every admin page
  await page.goto('/admin');
  await signInOnProvider(page, demo.admin);
  await expect(page).toHaveURL('/admin');
  await accountButton(page).click();
  await expect(
    page.getByRole('navigation', { name: 'アカウントメニュー' }).getByRole('link', { name: '管理' }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('navigation', { name: '管理メニュー' }).getByRole('link', { name: 'ユーザー' }).click();
  await expect(page).toHaveURL('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'ユーザー' })).toBeVisible();

  // invite: the temporary password is shown once
  const invited = uniqueEmail('invited');
  const invite = page.getByRole('region', { name: 'ユーザーを招待' });
  await invite.getByLabel('メールアドレス').fill(invited);
  await invite.getByLabel(/表示名/).fill('招待 太郎');
  await invite.getByRole('button', { name: '招待する' }).click();
  await expect(invite.getByRole('status')).toContainText(`${invited} を招待しました`);
  await expect(invite.locator('.temporary-password')).toHaveText(/\S{8,}/);

  // search finds the new user; change the role to staff, then disable and enable the account
  const list = page.getByRole('region', { name: 'ユーザー一覧' });
  await list.getByRole('searchbox', { name: '検索' }).fill(invited);
  await list.getByRole('button', { name: '検索' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(invited).replace('.', '\\.')}`));
  const row = list.getByRole('row', { name: new RegExp(invited) });
  await expect(list.getByRole('row')).toHaveCount(2); // header + the one match
  await row.getByLabel(`${invited} のロール`).selectOption('staff');
  await expect(list.getByRole('status')).toHaveText(`${invited} のロールを「スタッフ」に変更しました。`);
  await row.getByRole('button', { name: `${invited} を無効にする` }).click();
  await expect(row).toContainText('無効');
  await list.getByLabel('状態').selectOption('disabled');
  await expect(list.getByRole('row', { name: new RegExp(invited) })).toBeVisible();
  await list
    .getByRole('row', { name: new RegExp(invited) })
    .getByRole('button', { name: `${invited} を有効にする` })
    .click();
  await expect(list.getByText('該当するユーザーはいません。')).toBeVisible(); // no longer disabled
  await list.getByLabel('状態').selectOption('');
  await expect(list.getByRole('row', { name: new RegExp(invited) })).toBeVisible();

  // the admin cannot demote themselves
  await list.getByLabel('状態').selectOption('');
  await list.getByRole('searchbox', { name: '検索' }).fill(demo.admin);
  await list.getByRole('button', { name: '検索' }).click();
  // their own row offers no role change (the API refuses one too: server test admin-api.test.ts)
  const own = list.getByRole('row', { name: new RegExp(demo.admin) });
  await expect(own.getByTestId('own-account')).toBeVisible();
  await expect(list.getByLabel(`${demo.admin} のロール`)).toHaveCount(0);

  // service tokens: create with scopes, copy the secret shown once, revoke
  await page.getByRole('navigation', { name: '管理メニュー' }).getByRole('link', { name: 'サービストークン' }).click();
  const create = page.getByRole('region', { name: 'サービストークンを作成' });
  const tokenName = `e2e-${Date.now()}`;
  await create.getByLabel('名前').fill(tokenName);
  await create.getByRole('button', { name: '作成する' }).click();
  await expect(create.getByRole('alert')).toHaveText('スコープを1つ以上選んでください。');
  await create.getByLabel('catalog:read').check();
  await create.getByLabel('stock:read').check();
  await create.getByRole('button', { name: '作成する' }).click();
  const secret = create.locator('.secret');
  await expect(secret).toHaveText(/^kura_st_/);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await create.getByRole('button', { name: 'コピー' }).click();
  await expect(create.getByRole('button', { name: 'コピーしました' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await secret.innerText());

  const tokens = page.getByRole('region', { name: 'トークン一覧' });
  const tokenRow = tokens.getByRole('row', { name: new RegExp(tokenName) });
  await expect(tokenRow).toContainText('catalog:read, stock:read');
  await tokenRow.getByRole('button', { name: `${tokenName} を失効` }).click();
  await tokenRow.getByRole('button', { name: '失効する' }).click();
  await expect(tokenRow).toContainText('に失効');

  // the audit log shows what just happened, newest first, naming people by email
  await page.getByRole('navigation', { name: '管理メニュー' }).getByRole('link', { name: '監査ログ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '監査ログ' })).toBeVisible();
  const entries = page.locator('.audit-entry');
  await expect(entries.first()).toContainText('トークン失効');
  await expect(entries.first()).toContainText(demo.admin);
  await expect(entries.nth(1)).toContainText('トークン作成');
  await expect(page.locator('.audit-entry', { hasText: 'ユーザー招待' }).first()).toContainText(invited);
  await expect(page.locator('.audit-entry', { hasText: 'role: customer → staff' }).first()).toContainText(invited);

  // delete the invited user: asked to confirm, then gone from the list, and audited
  await page.getByRole('navigation', { name: '管理メニュー' }).getByRole('link', { name: 'ユーザー' }).click();
  await list.getByRole('searchbox', { name: '検索' }).fill(invited);
  await list.getByRole('button', { name: '検索' }).click();
  const doomed = list.getByRole('row', { name: new RegExp(invited) });
  await doomed.getByRole('button', { name: `${invited} を削除` }).click();
  await expect(doomed).toContainText(`${invited} を削除しますか`);
  await doomed.getByRole('button', { name: '削除する' }).click();
  await expect(list.getByRole('status')).toHaveText(`${invited} を削除しました。`);
  await expect(list.getByText('該当するユーザーはいません。')).toBeVisible();
  await page.getByRole('navigation', { name: '管理メニュー' }).getByRole('link', { name: '監査ログ' }).click();
  await expect(entries.first()).toContainText('ユーザー削除');
  await expect(entries.first()).toContainText(invited);
});

test('staff land on the back office and are refused the admin-only pages', async ({ page }) => {
  await page.goto('/admin');
  await signInOnProvider(page, demo.staff);
  await expect(page).toHaveURL('/admin');
  await expect(page.getByRole('heading', { level: 1, name: '管理' })).toBeVisible();
  const menu = page.getByRole('navigation', { name: '管理メニュー' });
  await expect(menu.getByRole('link', { name: 'ユーザー' })).toHaveCount(0);
  await expect(menu.getByRole('link', { name: '監査ログ' })).toHaveCount(0);
  await page.goto('/admin/users');
  await expect(page.getByRole('alert')).toContainText('このページを表示する権限がありません');
  await expect(page.getByRole('heading', { name: 'ユーザー' })).toHaveCount(0);
});

test('a customer cannot open the back office', async ({ page }) => {
  await signUpAndOpen(page, '/admin/users');
  await expect(page.getByRole('alert')).toContainText('このページを表示する権限がありません');
  await expect(page.getByRole('heading', { name: 'ユーザー' })).toHaveCount(0);
  await page.goto('/admin');
  await expect(page.getByRole('alert')).toContainText('このページを表示する権限がありません');
  await accountButton(page).click();
  await expect(
    page.getByRole('navigation', { name: 'アカウントメニュー' }).getByRole('link', { name: '管理' }),
  ).toHaveCount(0);
});
