import { expect, test } from '@playwright/test';
import { readCards, resultList, shownCount } from './support/catalog';

test('a product page shows the name, tax-inclusive price, stock, description and breadcrumb', async ({ page }) => {
  await page.goto('/products');
  await shownCount(page);
  const [card] = await readCards(resultList(page));
  if (!card) throw new Error('no products listed');

  await resultList(page).getByRole('link', { name: card.name, exact: true }).click();
  await expect(page).toHaveURL(card.href);
  await expect(page.getByRole('heading', { level: 1, name: card.name })).toBeVisible();
  await expect(page).toHaveTitle(`${card.name} | 蔵 Kura`);

  const main = page.getByRole('main');
  await expect(main.getByText(`¥${card.price.toLocaleString('en-US')}`, { exact: true })).toBeVisible();
  await expect(main.getByText('(税込)')).toBeVisible();
  await expect(main.getByText(/^(在庫あり|残り\d+点|売り切れ)$/)).toBeVisible();
  await expect(page.getByRole('heading', { name: '商品説明' })).toBeVisible();

  const breadcrumb = page.getByRole('navigation', { name: 'パンくずリスト' });
  await expect(breadcrumb.getByRole('link', { name: card.category })).toHaveAttribute('href', /\/products\?category=/);
  await expect(breadcrumb.getByText(card.name)).toHaveAttribute('aria-current', 'page');

  const gallery = page.getByRole('region', { name: '商品画像' });
  const mainImage = gallery.getByRole('img').first();
  await expect(mainImage).toHaveAttribute('alt', /\S/);
  expect(await mainImage.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  await breadcrumb.getByRole('link', { name: card.category }).click();
  await expect(page.getByRole('heading', { level: 1, name: card.category })).toBeVisible();
});

test('a product can be opened directly by its slug', async ({ page, request }) => {
  const response = await request.get('/api/products?limit=1&sort=name');
  const body = (await response.json()) as { items: { slug: string; name: { ja: string } }[] };
  const product = body.items[0];
  if (!product) throw new Error('no products');
  await page.goto(`/products/${product.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: product.name.ja })).toBeVisible();
});
