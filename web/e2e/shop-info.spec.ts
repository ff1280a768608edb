import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { switchLanguage } from './support/language';

test('the footer leads to the legal notice, privacy and contact pages, in Japanese and English', async ({ page }) => {
  await page.goto('/');
  const footer = page.getByRole('navigation', { name: 'ショップ情報' });
  await footer.getByRole('link', { name: '特定商取引法に基づく表記' }).click();
  await expect(page).toHaveURL('/info/commerce');
  await expect(page.getByRole('heading', { level: 1, name: '特定商取引法に基づく表記' })).toBeVisible();
  for (const term of ['販売業者', '所在地', '電話番号', 'お支払い方法', '返品・交換', '酒類の販売']) {
    await expect(page.getByRole('term').filter({ hasText: term })).toBeVisible();
  }
  await expect(page).toHaveTitle('特定商取引法に基づく表記 | 蔵 Kura');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  await footer.getByRole('link', { name: 'プライバシーポリシー' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'プライバシーポリシー' })).toBeVisible();
  await footer.getByRole('link', { name: 'お問い合わせ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'お問い合わせ' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('20歳未満の者の飲酒は法律で禁止されています。');

  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Contact us' })).toBeVisible();
  const english = page.getByRole('navigation', { name: 'About the shop' });
  await english.getByRole('link', { name: 'Legal notice' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Legal notice (Specified Commercial Transactions Act)' }),
  ).toBeVisible();
  await english.getByRole('link', { name: 'Privacy policy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy policy' })).toBeVisible();
});

test('an unknown information page is the not-found page', async ({ page }) => {
  const response = await page.goto('/info/nothing-here');
  expect(response?.status()).toBe(200); // the path pattern is the app's; the page itself says not found
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/見つかりません/);
});
