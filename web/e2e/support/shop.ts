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

/** The header's cart link, named by what it shows: how many units the cart holds (カート 2 点, Cart 2 items). */
export function cartLink(page: Page) {
  return page.getByRole('link', { name: /^(カート \d+ 点|Cart \d+ items?)$/ });
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

export const testAddress = {
  postalCode: '150-0001',
  prefecture: '東京都',
  city: '渋谷区神宮前',
  line1: '1-2-3',
  line2: '蔵ビル 401',
  name: '山田 花子',
  phone: '03-1234-5678',
};

/** On /checkout: fills the shipping address (each field may be overridden) and picks a delivery window. */
export async function fillCheckout(
  page: Page,
  overrides: Partial<typeof testAddress> = {},
  slot = '18時〜20時',
): Promise<void> {
  const address = { ...testAddress, ...overrides };
  await page.getByLabel('郵便番号').fill(address.postalCode);
  if (address.prefecture) await page.getByLabel('都道府県').selectOption(address.prefecture);
  await page.getByLabel('市区町村').fill(address.city);
  await page.getByLabel('町名・番地').fill(address.line1);
  await page.getByLabel(/建物名・部屋番号/).fill(address.line2);
  await page.getByLabel('お名前').fill(address.name);
  await page.getByLabel('電話番号').fill(address.phone);
  await page.getByLabel('時間帯').selectOption({ label: slot });
}

/** Signed in, at a product's page: adds it to the cart and opens /checkout, its form filled unless `fill` is false. */
export async function openCheckout(
  page: Page,
  product: ShopProduct,
  { quantity = 1, fill = true }: { quantity?: number; fill?: boolean } = {},
): Promise<void> {
  await page.goto(`/products/${product.slug}`);
  await addToCart(page, quantity);
  await page.goto('/checkout');
  if (fill) await fillCheckout(page);
}

/** Signed in: checks `product` out and returns the new order's id. */
export async function checkOut(page: Page, product: ShopProduct, quantity = 1): Promise<string> {
  await openCheckout(page, product, { quantity });
  await page.getByRole('button', { name: '注文を確定する' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split('/').at(-1) ?? '';
}

/** The state badge on an order page. */
export function orderState(page: Page) {
  return page.getByTestId('order-state');
}

/** The calendar date in Tokyo `days` from now, as the checkout's delivery-date field takes it. */
export function tokyoDateInDays(days: number): string {
  const tokyo = new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000);
  return tokyo.toISOString().slice(0, 10);
}
