import { randomUUID } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { accessToken, demo, signInOnProvider } from './support/auth';

/** A name no other test or run shares, so slugs and searches find exactly this product. */
function uniqueProduct() {
  const tag = randomUUID().slice(0, 6);
  return {
    tag,
    sku: `E2E-${tag.toUpperCase()}`,
    ja: `蔵の試験酒 ${tag}`,
    en: `Kura Test Sake ${tag}`,
    slug: `kura-test-sake-${tag}`,
  };
}

async function openAsStaff(page: Page, path: string) {
  await page.goto(path);
  await signInOnProvider(page, demo.staff);
  await expect(page).toHaveURL(path);
}

test('staff create a product, see it in the shop, edit it, meet a concurrent edit, and archive it', async ({
  page,
}) => {
  test.slow(); // one long journey: create, storefront, edit, conflict, archive
  const product = uniqueProduct();
  await openAsStaff(page, '/admin/products/new');
  await expect(page.getByRole('heading', { level: 1, name: '商品を追加' })).toBeVisible();

  await page.getByLabel('商品名（日本語）').fill(product.ja);
  await page.getByLabel('商品名（英語）').fill(product.en);
  await page.getByLabel('説明（日本語）').fill('試験のための酒です。');
  await page.getByLabel('SKU').fill(product.sku);
  await page.getByLabel('カテゴリー').selectOption({ label: '日本酒' });
  await page.getByLabel('税区分').selectOption('standard');
  await page.getByLabel('初期在庫数').fill('7');

  // a price of zero is refused, and the message sits under the price field
  await page.getByLabel('価格（税込・円）').fill('0');
  await page.getByRole('button', { name: '作成する' }).click();
  await expect(page.getByLabel('価格（税込・円）')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/値が小さすぎます/)).toBeVisible();

  await page.getByLabel('価格（税込・円）').fill('2480');
  await page.getByRole('button', { name: '作成する' }).click();
  await expect(page).toHaveURL(/\/admin\/products\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: product.ja })).toBeVisible();
  await expect(page.getByLabel('スラッグ（URL）')).toHaveValue(product.slug);
  const editorUrl = page.url();

  // the storefront shows it
  await page.goto(`/products/${product.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: product.ja })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('¥2,480');

  // edit: saved without a reload
  await page.goto(editorUrl);
  await page.getByLabel('価格（税込・円）').fill('2980');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '保存しました。' })).toBeVisible();
  await page.goto(`/products/${product.slug}`);
  await expect(page.getByRole('main')).toContainText('¥2,980');

  // someone else saves first (through the API): this editor's save is refused and offers a reload
  await page.goto(editorUrl);
  await expect(page.getByLabel('価格（税込・円）')).toHaveValue('2980');
  const id = editorUrl.split('/').at(-1) ?? '';
  const token = await accessToken(page);
  const elsewhere = await page.request.patch(`/api/staff/products/${id}`, {
    headers: { Authorization: `Bearer ${token}`, 'If-Match': '"2"' },
    data: { price: 3300 },
  });
  expect(elsewhere.status()).toBe(200);
  await page.getByLabel('価格（税込・円）').fill('3100');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('alert')).toContainText('他の人によって変更されました');
  await page.getByRole('button', { name: '再読み込み' }).click();
  await expect(page.getByLabel('価格（税込・円）')).toHaveValue('3300');

  // archive it from the list with its checkbox: gone from the shop
  await page.getByRole('navigation', { name: '管理メニュー' }).getByRole('link', { name: '商品' }).click();
  const filters = page.getByRole('form', { name: '商品を絞り込む' });
  await filters.getByRole('searchbox', { name: '検索' }).fill(product.sku);
  await filters.getByRole('button', { name: '検索' }).click();
  const row = page.getByRole('row', { name: new RegExp(product.ja) });
  await expect(row).toContainText('販売中');
  await row.getByRole('checkbox', { name: `${product.ja} を選択` }).check();
  await page.getByRole('button', { name: '選択した商品をアーカイブ' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 件をアーカイブしました。' })).toBeVisible();
  await expect(row).toContainText('アーカイブ済み');
  await page.goto(`/products/${product.slug}`);
  await expect(page.getByText('商品が見つかりません')).toBeVisible();
});

test('staff import a CSV with a bad row and read the report, then import a good one', async ({ page }) => {
  const a = uniqueProduct();
  const b = uniqueProduct();
  const header = 'sku,name_ja,name_en,category,price,tax_class,opening_stock';
  const file = (lines: string[]) => ({
    name: 'products.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${[header, ...lines].join('\r\n')}\r\n`, 'utf8'),
  });
  await openAsStaff(page, '/admin/import');
  await expect(page.getByRole('heading', { level: 1, name: 'CSV取り込み' })).toBeVisible();

  await page
    .getByLabel(/CSVファイル/)
    .setInputFiles(
      file([`${a.sku},${a.ja},${a.en},sake,1500,standard,3`, `${b.sku},${b.ja},${b.en},sake,高い,standard,3`]),
    );
  await page.getByRole('button', { name: '取り込む' }).click();
  await expect(page.getByRole('status').filter({ hasText: '何も取り込んでいません' })).toContainText('1 行にエラー');
  const errors = page.getByRole('table', { name: 'エラーのある行' });
  await expect(errors.getByRole('row')).toHaveCount(2); // header + the bad cell
  await expect(errors.getByRole('row').nth(1)).toContainText('3');
  await expect(errors.getByRole('row').nth(1)).toContainText('price');
  await page.goto(`/products/${a.slug}`);
  await expect(page.getByText('商品が見つかりません')).toBeVisible(); // all or nothing

  await page.goto('/admin/import');
  await page
    .getByLabel(/CSVファイル/)
    .setInputFiles(
      file([`${a.sku},${a.ja},${a.en},sake,1500,standard,3`, `${b.sku},${b.ja},${b.en},japanese-tea,980,reduced,4`]),
    );
  await page.getByRole('button', { name: '取り込む' }).click();
  await expect(page.getByRole('status').filter({ hasText: '取り込みました' })).toContainText('新規 2 件');
  await page.goto(`/products/${b.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: b.ja })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('¥980');
});
