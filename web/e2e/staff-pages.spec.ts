import { expect, test } from '@playwright/test';
import { accessToken, demo, signInOnProvider } from './support/auth';
import { switchLanguage } from './support/language';
import { orderState, stockedProducts, testAddress, tokyoDateInDays } from './support/shop';

test('an order in the back office speaks to staff: what to do, and whom to call (ja, en)', async ({ page }) => {
  const [product] = await stockedProducts(page, 1);
  await page.goto('/admin/orders');
  await signInOnProvider(page, demo.staff);
  // Placed with staff's own account, as any customer would: the back office shows the checkout's name and phone.
  const placed = await page.request.post('/api/orders', {
    headers: { Authorization: `Bearer ${await accessToken(page)}`, 'Idempotency-Key': crypto.randomUUID() },
    data: {
      lines: [{ productId: product?.id, quantity: 1 }],
      shippingAddress: testAddress,
      delivery: { date: tokyoDateInDays(3), slot: '14-16' },
    },
  });
  expect(placed.status()).toBe(201);
  const order = (await placed.json()) as { id: string };

  await page.goto(`/admin/orders/${order.id}`);
  await expect(orderState(page)).toHaveText('確定', { timeout: 20_000 });
  await expect(page.getByTestId('state-note')).toHaveText(
    '在庫を確保済みです。梱包して発送し、「発送済みにする」を押してください。',
  );
  await expect(page.getByText('ご注文が確定しました')).toHaveCount(0);
  const customer = page.getByRole('region', { name: 'お客様' });
  await expect(customer.getByTestId('customer-name')).toHaveText(testAddress.name);
  await expect(customer.getByTestId('customer-phone')).toHaveText(testAddress.phone);
  await expect(customer.getByTestId('customer-phone')).toHaveAttribute('href', `tel:${testAddress.phone}`);
  await expect(customer.getByTestId('customer-email')).toHaveText(demo.staff);

  await switchLanguage(page, 'en');
  await expect(page.getByTestId('state-note')).toHaveText(
    'Stock is reserved. Pack and ship it, then press “Mark shipped”.',
  );
  await expect(page.getByRole('region', { name: 'Customer' }).getByTestId('customer-name')).toHaveText(
    testAddress.name,
  );
});

test('the product list shows thumbnails, the total and what customers meet; the editor links to the shop', async ({
  page,
}) => {
  await page.goto('/admin/products');
  await signInOnProvider(page, demo.staff);
  await expect(page.getByTestId('product-total')).toHaveText(/^\d+ 件$/);
  const total = Number(/\d+/.exec(await page.getByTestId('product-total').innerText())?.[0]);
  expect(total).toBeGreaterThan(25); // more than the first page holds
  await expect(page.locator('tbody tr img').first()).toBeVisible();

  // A product with nothing left to sell is not "on sale": a calm grey "sold out"
  const soldOut = await page.request.get('/api/products?inStock=false&limit=1');
  const [item] = ((await soldOut.json()) as { items: { name: { ja: string }; sku: string }[] }).items;
  expect(item, 'the demo catalog has a sold-out product').toBeTruthy();
  const filters = page.getByRole('form', { name: '商品を絞り込む' });
  await filters.getByRole('searchbox', { name: '検索' }).fill(item?.sku ?? '');
  await filters.getByRole('button', { name: '検索' }).click();
  // the total follows the filters (the search is forgiving, so a SKU finds its neighbours too)
  const shown = async () => Number(/\d+/.exec(await page.getByTestId('product-total').innerText())?.[0]);
  await expect.poll(shown).toBeLessThan(total);
  const row = page.getByRole('row', { name: new RegExp(item?.name.ja ?? '') }).first();
  await expect(row.locator('[data-status]')).toHaveText('在庫切れ');
  await expect(row.locator('[data-status]')).toHaveAttribute('data-status', 'soldOut');
  await expect(row).not.toContainText('販売中');

  await row.getByRole('link', { name: item?.name.ja ?? '' }).click();
  const shop = page.getByTestId('view-in-shop');
  await expect(shop).toHaveAttribute('href', /^\/products\/[a-z0-9-]+$/);
  await expect(shop).toHaveAttribute('target', '_blank');
  const [customerView] = await Promise.all([page.context().waitForEvent('page'), shop.click()]);
  await expect(customerView.getByRole('heading', { level: 1, name: item?.name.ja ?? '' })).toBeVisible();
  await customerView.close();

  await switchLanguage(page, 'en');
  await expect(page.getByTestId('view-in-shop')).toContainText('View in shop');
});

test('the failed-events page explains dead letters in plain words (ja, en)', async ({ page }) => {
  await page.goto('/admin/dead-letters');
  await signInOnProvider(page, demo.staff);
  await expect(page.getByRole('heading', { level: 1, name: '失敗したイベント' })).toBeVisible();
  await expect(page.getByText(/何度やり直しても失敗したもの.*「デッドレター」/)).toBeVisible();
  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Failed events' })).toBeVisible();
  await expect(page.getByText(/known technically as dead letters/)).toBeVisible();
});
