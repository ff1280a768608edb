import { expect, test } from '@playwright/test';
import { readCards, resultList, shownCount } from './support/catalog';

test('load more appends the next page of different products', async ({ page }) => {
  await page.goto('/products?sort=name');
  expect(await shownCount(page)).toBe(24);
  const first = await readCards(resultList(page));

  await page.getByRole('button', { name: 'もっと見る' }).click();
  await expect(page.getByRole('status')).toHaveText(/^48件/);
  const all = await readCards(resultList(page));
  expect(all).toHaveLength(48);
  expect(all.slice(0, 24).map((c) => c.href)).toEqual(first.map((c) => c.href));

  const next = all.slice(24).map((c) => c.href);
  expect(new Set(all.map((c) => c.href)).size).toBe(48); // no product twice
  for (const href of next) expect(first.map((c) => c.href)).not.toContain(href);
  await expect(page.getByRole('button', { name: 'もっと見る' })).toBeFocused();
});

test('the last page has no load more button', async ({ page }) => {
  // a narrow filter fits on one page
  await page.goto('/products?minPrice=0&maxPrice=800');
  const count = await shownCount(page);
  expect(count).toBeLessThanOrEqual(24);
  await expect(page.getByRole('status')).not.toContainText('さらにあります');
  await expect(page.getByRole('button', { name: 'もっと見る' })).toHaveCount(0);
});
