import { expect, test } from '@playwright/test';
import { readCards, resultList, shownCount } from './support/catalog';

test('switching to English translates the UI and product names, persists, and switches back', async ({ page }) => {
  await page.goto('/products?sort=name');
  await shownCount(page);
  const japanese = await readCards(resultList(page));

  const languages = page.getByRole('group', { name: '表示言語' });
  await languages.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'All products' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status')).toHaveText(/^Showing 24 products/);

  const english = await readCards(resultList(page, 'Results'));
  expect(english[0]?.href).toBe(japanese[0]?.href); // same product…
  expect(english[0]?.name).not.toBe(japanese[0]?.name); // …named in English
  expect(english[0]?.name).toMatch(/[A-Za-z]/);
  expect(english.every((c) => /^¥[\d,]+$/.test(`¥${c.price.toLocaleString('en-US')}`))).toBe(true);

  // the choice survives a reload
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'All products' })).toBeVisible();

  await page.getByRole('link', { name: english[0]?.name ?? '', exact: true }).click();
  await expect(page.getByText('(tax incl.)')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Description' })).toBeVisible();

  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '日本語' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 1, name: japanese[0]?.name ?? '', exact: true })).toBeVisible();
  await expect(page.getByText('(税込)')).toBeVisible();
});
