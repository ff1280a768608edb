import { expect, test } from '@playwright/test';
import { readCards, resultList, shownCount } from './support/catalog';

test('home shows the storehouse, its categories and new arrivals, and leads to the list', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('蔵 Kura');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 1, name: '蔵に眠る、季節の味わい' })).toBeVisible();

  const categories = page.getByRole('region', { name: 'カテゴリーから探す' }).getByRole('link');
  await expect(categories.first()).toBeVisible();
  expect(await categories.count()).toBeGreaterThanOrEqual(8);
  await expect(categories.first()).toContainText(/\d+点/);

  const newArrivals = await readCards(page.getByRole('list', { name: '新着商品' }));
  expect(newArrivals).toHaveLength(8);
  for (const card of newArrivals) {
    expect(card.price).toBeGreaterThan(0);
    expect(card.href).toMatch(/^\/products\/[^/]+$/);
  }

  await page.getByRole('link', { name: 'すべての商品を見る' }).click();
  await expect(page).toHaveURL(/\/products$/);
  await expect(page.getByRole('heading', { level: 1, name: '商品一覧' })).toBeVisible();
  expect(await shownCount(page)).toBe(24);
  await expect(page.getByRole('status')).toContainText('さらにあります');
  expect(await readCards(resultList(page))).toHaveLength(24);
});

test('a category tile opens the list filtered to that category', async ({ page }) => {
  await page.goto('/');
  const tile = page.getByRole('region', { name: 'カテゴリーから探す' }).getByRole('link').first();
  const tileText = await tile.innerText();
  const categoryName = tileText.split('\n')[1]?.trim() ?? tileText.trim();
  await tile.click();

  await expect(page).toHaveURL(/\/products\?category=[a-z0-9-]+$/);
  await expect(page.getByRole('heading', { level: 1, name: categoryName })).toBeVisible();
  await expect(page.getByLabel('カテゴリー', { exact: true })).toHaveValue(/[a-z0-9-]+/);
  const cards = await readCards(resultList(page));
  expect(cards.length).toBeGreaterThan(0);
  for (const card of cards) expect(card.category).toBe(categoryName);
});
