import { expect, type Page } from '@playwright/test';

type ProductList = {
  items: { id: string; slug: string; price: number; name: { ja: string }; availability: { available: number } }[];
};

export type ShopProduct = ProductList['items'][number];

/**
 * Well-stocked products for ordering, cheapest first (other specs lower the
 * stock of the dearest ones): `count` distinct products with at least
 * `minAvailable` units each.
 */
export async function stockedProducts(page: Page, count: number, minAvailable = 20): Promise<ShopProduct[]> {
  const response = await page.request.get('/api/products?inStock=true&sort=price_asc&limit=50');
  expect(response.ok()).toBe(true);
  const list = (await response.json()) as ProductList;
  const found = list.items.filter((item) => item.availability.available >= minAvailable).slice(0, count);
  expect(found, `the demo catalog has ${count} well-stocked products`).toHaveLength(count);
  return found;
}

/** The header's cart link, whose name says how many units the cart holds. */
export function cartLink(page: Page) {
  return page.getByRole('link', { name: /^(カート|Cart) ?（|^Cart \(/ });
}

/** On a product page: choose a quantity and add it to the cart. */
export async function addToCart(page: Page, quantity = 1): Promise<void> {
  if (quantity !== 1) await page.getByLabel('数量').selectOption(String(quantity));
  await page.getByRole('button', { name: 'カートに入れる' }).click();
  await expect(page.getByText(`${quantity}点をカートに入れました。`)).toBeVisible();
}

/** Reads the yen amount shown as the cart's or order's total. */
export async function shownTotal(page: Page): Promise<number> {
  const text = await page.getByTestId('total').innerText();
  return Number(text.replace(/[¥,]/g, ''));
}
