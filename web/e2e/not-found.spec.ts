import { expect, test } from '@playwright/test';

test('an unknown page shows the 404 page with a way home', async ({ page }) => {
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'ページが見つかりません' })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'ホームへ戻る' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '蔵に眠る、季節の味わい' })).toBeVisible();
});

test('an unknown product says the product was not found', async ({ page }) => {
  await page.goto('/products/no-such-product-slug');
  await expect(page.getByRole('heading', { level: 1, name: '商品が見つかりません' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: '商品一覧へ戻る' })).toHaveAttribute(
    'href',
    '/products',
  );
});
