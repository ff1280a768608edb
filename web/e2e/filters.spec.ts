import { expect, test } from '@playwright/test';
import { readCards, resultList, shownCount } from './support/catalog';

test('filtering by category and price range narrows the list, in the URL', async ({ page }) => {
  await page.goto('/products');
  await shownCount(page);
  const category = page.getByLabel('カテゴリー', { exact: true });
  const option = category.getByRole('option').nth(1);
  const categoryName = (await option.innerText()).trim();
  await category.selectOption({ label: categoryName });
  await expect(page).toHaveURL(/category=/);
  await expect(page.getByRole('heading', { level: 1, name: categoryName })).toBeVisible();

  await page.getByLabel('下限価格（円）').fill('1000');
  await page.getByLabel('上限価格（円）').fill('3000');
  await page.getByRole('button', { name: '条件を適用' }).click();
  await expect(page).toHaveURL(/minPrice=1000&maxPrice=3000/);
  await shownCount(page);

  const cards = await readCards(resultList(page));
  expect(cards.length).toBeGreaterThan(0);
  for (const card of cards) {
    expect(card.category).toBe(categoryName);
    expect(card.price).toBeGreaterThanOrEqual(1000);
    expect(card.price).toBeLessThanOrEqual(3000);
  }

  // back undoes the price filter, keeping the category
  await page.goBack();
  await expect(page).not.toHaveURL(/minPrice/);
  await expect(page.getByLabel('下限価格（円）')).toHaveValue('');
  await expect(page.getByRole('heading', { level: 1, name: categoryName })).toBeVisible();
});

test('a minimum above the maximum is refused with a message', async ({ page }) => {
  await page.goto('/products');
  await page.getByLabel('下限価格（円）').fill('5000');
  await page.getByLabel('上限価格（円）').fill('1000');
  await page.getByRole('button', { name: '条件を適用' }).click();
  await expect(page.getByRole('alert')).toHaveText('下限価格は上限価格以下にしてください。');
  await expect(page).toHaveURL(/\/products$/);
});

test('sorting by price orders the list both ways', async ({ page }) => {
  await page.goto('/products');
  await shownCount(page);
  const sort = page.getByLabel('並び替え');

  await sort.selectOption({ label: '価格の安い順' });
  await expect(page).toHaveURL(/sort=price_asc/);
  await shownCount(page);
  const ascending = (await readCards(resultList(page))).map((c) => c.price);
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

  await sort.selectOption({ label: '価格の高い順' });
  await expect(page).toHaveURL(/sort=price_desc/);
  await shownCount(page);
  const descending = (await readCards(resultList(page))).map((c) => c.price);
  expect(descending).toEqual([...descending].sort((a, b) => b - a));
  expect(descending[0]).toBeGreaterThan(ascending[0] ?? Infinity);
});

test('in stock only hides sold-out products', async ({ page }) => {
  await page.goto('/products?sort=price_asc');
  await shownCount(page);
  await page.getByLabel('在庫ありのみ表示').check();
  await expect(page).toHaveURL(/inStock=true/);
  await shownCount(page);
  const cards = await readCards(resultList(page));
  expect(cards.length).toBeGreaterThan(0);
  for (const card of cards) expect(card.availability).not.toBe('売り切れ');
});
