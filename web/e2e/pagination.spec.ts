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

test('paging through a category shows each of its products once, then stops', async ({ page, request }) => {
  const body = (await (await request.get('/api/categories')).json()) as {
    items: { slug: string; productCount: number }[];
  };
  // the largest category: with 24 per page it may end exactly on a page boundary
  const category = [...body.items].sort((a, b) => b.productCount - a.productCount)[0];
  if (!category) throw new Error('no categories');

  await page.goto(`/products?category=${category.slug}`);
  await shownCount(page);
  const loadMore = page.getByRole('button', { name: 'もっと見る' });
  for (let pages = 1; (await loadMore.count()) > 0 && pages < 10; pages += 1) {
    const before = await shownCount(page);
    await loadMore.click();
    await expect(page.getByRole('status')).not.toHaveText(new RegExp(`^${before}件`));
  }
  await expect(loadMore).toHaveCount(0);
  await expect(page.getByRole('status')).not.toContainText('さらにあります');
  const cards = await readCards(resultList(page));
  expect(cards).toHaveLength(category.productCount);
  expect(new Set(cards.map((c) => c.href)).size).toBe(category.productCount);
});
