import { expect, type Page, test } from '@playwright/test';
import { accessToken, demo, signInOnProvider } from './support/auth';
import { switchLanguage } from './support/language';

type ProductList = { items: { slug: string; availability: { status: string; available: number } }[] };
type ProductDetail = { sku: string };

const count = (page: Page, id: string) => page.locator(`[data-count="${id}"]`);

/** The number a count card shows (its figure line: "3 件" or "3"). */
async function figureOf(page: Page, id: string): Promise<number> {
  const text = await count(page, id).locator('.text-3xl').innerText();
  return Number(/\d+/.exec(text)?.[0]);
}

test('the back-office home counts what needs doing and opens each list (ja, en)', async ({ page }) => {
  await page.goto('/admin');
  await signInOnProvider(page, demo.staff);
  await expect(page).toHaveURL('/admin');
  await expect(page.getByRole('heading', { level: 2, name: '今やること' })).toBeVisible();
  const labels = {
    ordersToPack: '出荷待ちの注文',
    soldOut: '在庫切れの商品',
    lowStock: '在庫僅少の商品',
    deadLetters: '失敗したイベント',
  };
  for (const [id, label] of Object.entries(labels)) {
    await expect(count(page, id)).toContainText(label);
    await expect(count(page, id)).toContainText(/\d+ 件/);
  }
  const soldOutBefore = await figureOf(page, 'soldOut');

  // A product sells out (staff record the rest as damaged): the home page counts it on the next visit.
  const list = (await (await page.request.get('/api/products?inStock=true&limit=50')).json()) as ProductList;
  const item = list.items.find((p) => p.availability.status === 'in_stock');
  expect(item, 'the demo catalog has a product in stock').toBeTruthy();
  const { sku } = (await (await page.request.get(`/api/products/${item?.slug}`)).json()) as ProductDetail;
  const token = await accessToken(page);
  const adjusted = await page.request.post(`/api/staff/stock/${sku}/adjustments`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { delta: -(item?.availability.available ?? 0), reason: 'damaged', note: 'e2e: staff home count' },
  });
  expect(adjusted.status()).toBe(201);
  // Whatever fails below, the stock goes back: the specs after this one shop from the same catalog.
  try {
    await page.reload();
    await expect.poll(() => figureOf(page, 'soldOut')).toBe(soldOutBefore + 1);
    await expect(count(page, 'soldOut')).toContainText('販売可能数が 0 です');

    await count(page, 'soldOut').click();
    await expect(page).toHaveURL('/admin/stock/low');
    await expect(page.getByRole('heading', { level: 1, name: '在庫僅少' })).toBeVisible();
    await page.goBack();
    await count(page, 'ordersToPack').click();
    await expect(page).toHaveURL('/admin/orders?state=confirmed');
    await page.goBack();
    await count(page, 'deadLetters').click();
    await expect(page).toHaveURL('/admin/dead-letters');
    await page.goBack();

    await switchLanguage(page, 'en');
    await expect(page.getByRole('heading', { level: 2, name: 'What needs doing now' })).toBeVisible();
    await expect(count(page, 'ordersToPack')).toContainText('Orders to pack');
    await expect(count(page, 'soldOut')).toContainText('Sold-out products');
    await expect(count(page, 'soldOut').locator('.text-3xl')).toHaveText(String(soldOutBefore + 1));
  } finally {
    const restored = await page.request.post(`/api/staff/stock/${sku}/adjustments`, {
      headers: { Authorization: `Bearer ${token}` },
      data: { delta: item?.availability.available ?? 0, reason: 'count_correction', note: 'e2e: restore' },
    });
    expect(restored.status()).toBe(201);
  }
});
