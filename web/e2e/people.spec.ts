import { expect, test } from '@playwright/test';
import { accountButton, demo, signInOnProvider, uniqueEmail } from './support/auth';
import { switchLanguage } from './support/language';

test('the name given at sign-up shows in the users list; an admin is offered nothing on their own row', async ({
  browser,
}) => {
  // A new customer signs up with a display name
  const customer = await (await browser.newContext()).newPage();
  await customer.goto('/orders');
  await customer.waitForURL(/\/oidc\/interaction\//);
  await customer.getByRole('link', { name: /^(アカウント作成|Create an account)$/ }).click();
  const email = uniqueEmail('named');
  await customer.getByLabel(/^(メールアドレス|Email address)/).fill(email);
  await customer.getByLabel(/^(表示名|Display name)/).fill('佐藤 蔵之介');
  await customer.getByLabel(/^(パスワード|Password)/).fill('e2e-password-1234');
  await customer.getByRole('button', { name: /^(アカウントを作成|Create account)$/ }).click();
  await customer.waitForURL((url) => !url.pathname.startsWith('/oidc') && !url.pathname.startsWith('/auth/'));
  await expect(accountButton(customer)).toBeVisible();
  await customer.context().close();

  const page = await (await browser.newContext()).newPage();
  await page.goto('/admin/users');
  await signInOnProvider(page, demo.admin);
  const list = page.getByRole('region', { name: 'ユーザー一覧' });
  await list.getByRole('searchbox', { name: '検索' }).fill(email);
  await list.getByRole('button', { name: '検索' }).click();
  await expect(list.getByRole('row', { name: new RegExp(email) })).toContainText('佐藤 蔵之介');

  // Their own row: no role select, no disable or delete; others' rows keep them
  await list.getByRole('searchbox', { name: '検索' }).fill(demo.admin);
  await list.getByRole('button', { name: '検索' }).click();
  const own = list.getByRole('row', { name: new RegExp(demo.admin) });
  await expect(own.getByTestId('own-account')).toHaveText(/自分のアカウントは変更・削除できません/);
  await expect(own.getByRole('combobox')).toHaveCount(0);
  await expect(own.getByRole('button')).toHaveCount(0);
  await list.getByRole('searchbox', { name: '検索' }).fill(email);
  await list.getByRole('button', { name: '検索' }).click();
  const other = list.getByRole('row', { name: new RegExp(email) });
  await expect(other.getByRole('combobox')).toHaveCount(1);
  await expect(other.getByRole('button', { name: `${email} を削除` })).toHaveCount(1);

  await switchLanguage(page, 'en');
  const all = page.getByRole('region', { name: 'All users' });
  await all.getByRole('searchbox', { name: 'Search' }).fill(demo.admin);
  await all.getByRole('button', { name: 'Search' }).click();
  await expect(all.getByRole('row', { name: new RegExp(demo.admin) }).getByTestId('own-account')).toHaveText(
    'You cannot change or delete your own account; ask another admin.',
  );
});
