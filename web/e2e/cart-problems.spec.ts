import { randomUUID } from 'node:crypto';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { accessToken, demo, signInOnProvider, signUpAndOpen } from './support/auth';
import { addToCart, cartLink, shownTotal } from './support/shop';

type StaffProduct = { id: string; slug: string; version: number };

/** Creates a product of its own through the staff API, so changing it disturbs no other test. */
async function createProduct(request: APIRequestContext, token: string, price: number): Promise<StaffProduct> {
  const headers = { authorization: `Bearer ${token}` };
  const categories = (await (await request.get('/api/staff/categories', { headers })).json()) as {
    items: { id: string }[];
  };
  const tag = randomUUID().slice(0, 6);
  const created = await request.post('/api/staff/products', {
    headers,
    data: {
      sku: `E2E-CART-${tag.toUpperCase()}`,
      name: { ja: `蔵のカート試験品 ${tag}`, en: `Kura Cart Test ${tag}` },
      categoryId: categories.items[0]?.id,
      price,
      taxClass: 'reduced',
      openingStock: 10,
    },
  });
  expect(created.status()).toBe(201);
  return (await created.json()) as StaffProduct;
}

test('the cart says when a product was repriced or withdrawn since it was added, and checkout waits', async ({
  page,
  browser,
}) => {
  // Staff, in their own browser, create two products (archived again at the end: other specs read the catalog).
  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  await staffPage.goto('/admin');
  await signInOnProvider(staffPage, demo.staff);
  const staffToken = await accessToken(staffPage);
  const change = async (product: StaffProduct, data: { price?: number; active?: boolean }) => {
    const response = await staffPage.request.patch(`/api/staff/products/${product.id}`, {
      headers: { authorization: `Bearer ${staffToken}`, 'if-match': `"${product.version}"` },
      data,
    });
    expect(response.status()).toBe(200);
    product.version = ((await response.json()) as StaffProduct).version;
  };
  const repriced = await createProduct(staffPage.request, staffToken, 1000);
  const withdrawn = await createProduct(staffPage.request, staffToken, 500);
  try {
    // A customer puts both in the cart.
    await signUpAndOpen(page, '/orders');
    for (const product of [repriced, withdrawn]) {
      await page.goto(`/products/${product.slug}`);
      await addToCart(page);
    }
    await expect(cartLink(page)).toHaveAccessibleName('カート 2 点');

    // Staff raise one price and archive the other.
    await change(repriced, { price: 1200 });
    await change(withdrawn, { active: false });

    // The cart shows why each line cannot be ordered as it is, and checkout is held back.
    await page.goto('/cart');
    const lines = page.getByRole('list', { name: 'カートの商品' }).getByRole('listitem');
    await expect(lines).toHaveCount(2);
    await expect(lines.nth(0)).toContainText('カートに入れた後に価格が ¥1,000 から ¥1,200 に変わりました。');
    await expect(lines.nth(1)).toContainText('この商品は販売を終了しました。');
    await expect(page.getByRole('button', { name: '購入手続きへ' })).toBeDisabled();
    expect(await shownTotal(page)).toBe(1200); // the server's total: today's price, the withdrawn line left out

    // Accepting the new price and removing the withdrawn product clears the way.
    await lines.nth(0).getByRole('button', { name: '新しい価格で購入する' }).click();
    await expect(lines.nth(0)).not.toContainText('変わりました');
    await lines.nth(1).getByRole('button', { name: /削除/ }).click();
    await expect(lines).toHaveCount(1);
    await expect(page.getByRole('link', { name: '購入手続きへ' })).toBeVisible();
    await expect(page.getByText('軽減税率 8%')).toBeVisible();
    await expect(page.getByText('8%対象（税込）')).toBeVisible();
    expect(await shownTotal(page)).toBe(1200);
  } finally {
    await change(repriced, { active: false });
    await staff.close();
  }
});
