import { expect, test } from '@playwright/test';
import { demo, signInOnProvider } from './support/auth';

type ProductList = { items: { slug: string; availability: { status: string } }[] };
type ProductDetail = { sku: string; slug: string; availability: { status: string; available: number } };

test('staff adjust stock, see the movement, the storefront follows; going below zero is refused', async ({ page }) => {
  // A product in stock, as the storefront shows it.
  const list = (await (
    await page.request.get('/api/products?inStock=true&sort=price_desc&limit=50')
  ).json()) as ProductList;
  // Well stocked (above the low-stock threshold), so leaving 2 means removing some.
  const slug = list.items.find((item) => item.availability.status === 'in_stock')?.slug;
  expect(slug, 'the demo catalog has a product in stock').toBeTruthy();
  const product = (await (await page.request.get(`/api/products/${slug}`)).json()) as ProductDetail;

  await page.goto('/admin/stock');
  await signInOnProvider(page, demo.staff);
  await expect(page).toHaveURL('/admin/stock');
  await expect(page.getByRole('heading', { level: 1, name: '在庫' })).toBeVisible();

  // The list pages through every SKU (25 a page); a new search starts again at page 1.
  const rows = page.locator('.stock-row');
  await expect(rows).toHaveCount(25);
  const firstSku = await rows.first().locator('a').first().innerText();
  await page.getByRole('button', { name: '次へ' }).click();
  await expect(page.getByText('2 ページ目')).toBeVisible();
  await expect(rows.first()).not.toContainText(firstSku);
  await page.getByRole('button', { name: '前へ' }).click();
  await expect(page.getByText('1 ページ目')).toBeVisible();
  await expect(rows.first()).toContainText(firstSku);
  await page.getByRole('button', { name: '次へ' }).click();
  await expect(page.getByText('2 ページ目')).toBeVisible();

  // Find the SKU with the search, open its detail.
  const search = page.getByRole('form', { name: '在庫を検索' });
  await search.getByRole('searchbox', { name: '検索' }).fill(product.sku);
  await search.getByRole('button', { name: '検索' }).click();
  await expect(page.locator('.stock-row')).toHaveCount(1);
  await expect(page.getByText('1 ページ目')).toBeVisible();
  await page.getByRole('link', { name: product.sku }).click();
  await expect(page).toHaveURL(`/admin/stock/${product.sku}`);
  const available = page.locator('[data-figure="available"]');
  await expect(available).toHaveText(String(product.availability.available));

  // Record damage so that 2 remain: the figures update without a reload, the history shows it.
  const remove = product.availability.available - 2;
  const form = page.getByRole('region', { name: '在庫を調整' });
  await form.getByLabel('理由').selectOption('damaged');
  await form.getByLabel('数量').fill(String(remove));
  await form.getByLabel(/メモ/).fill('e2e: 輸送中の破損');
  await form.getByLabel(/メモ/).press('Enter');
  await expect(form.getByRole('status')).toHaveText(`-${remove} を記録しました。販売可能数は 2 です。`);
  await expect(available).toHaveText('2');
  const history = page.getByRole('table', { name: '入出庫の履歴' });
  const newest = history.locator('.stock-movement').first();
  await expect(newest).toContainText('破損');
  await expect(newest).toContainText(`-${remove}`);
  await expect(newest).toContainText('e2e: 輸送中の破損');
  const movementsAfterSave = await history.locator('.stock-movement').count();

  // More than is available: refused with a clear message, nothing recorded.
  await form.getByLabel('理由').selectOption('lost');
  await form.getByLabel('数量').fill('3');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    '販売可能数（2）を超えて減らすことはできません。何も変更していません。',
  );
  await expect(available).toHaveText('2');
  await expect(history.locator('.stock-movement')).toHaveCount(movementsAfterSave);

  // The storefront shows the new availability.
  await page.goto(`/products/${product.slug}`);
  await expect(page.getByText('残り2点').first()).toBeVisible();
});
