import { expect, test } from '@playwright/test';
import { accessToken, signUpAndOpen, signUpOnProvider } from './support/auth';
import {
  addToCart,
  cartLink,
  checkOut,
  fillCheckout,
  openCheckout,
  orderState,
  shownTotal,
  stockedProducts,
  testAddress,
} from './support/shop';

const orderPage = /\/orders\/[0-9a-f-]{36}$/;

test('a guest fills a cart, signs in, checks out and watches the order become confirmed', async ({ page }) => {
  const [product] = await stockedProducts(page, 1);
  if (!product) throw new Error('unreachable');

  // As a guest: add the product, then go to check out, which asks to sign in first.
  await page.goto(`/products/${product.slug}`);
  await addToCart(page);
  await cartLink(page).click();
  await expect(page.getByRole('heading', { name: '合計金額（概算）' })).toBeVisible();
  await page.getByRole('button', { name: 'ログインして購入手続きへ' }).click();
  await signUpOnProvider(page);

  // Back at checkout, signed in: the guest cart was merged into the account's cart.
  await expect(page).toHaveURL('/checkout');
  const summary = page.getByRole('list', { name: 'ご注文内容' });
  await expect(summary.getByRole('listitem')).toHaveCount(1);
  await expect(summary).toContainText(`${product.name.ja}× 1`);
  await expect(cartLink(page)).toHaveAccessibleName('カート 1 点');

  // Change the quantity in the cart, back to checkout: the server's total follows.
  await cartLink(page).click();
  await page.getByRole('list', { name: 'カートの商品' }).getByLabel('数量').selectOption('2');
  await expect(cartLink(page)).toHaveAccessibleName('カート 2 点');
  await expect.poll(() => shownTotal(page)).toBe(product.price * 2);
  await page.getByRole('link', { name: '購入手続きへ' }).click();
  await expect(page).toHaveURL('/checkout');
  await expect(page.getByText('代金引換', { exact: true })).toBeVisible();
  expect(await shownTotal(page)).toBe(product.price * 2);

  // Place the order: its page shows it pending, then confirmed, with no reload.
  await fillCheckout(page);
  await page.getByRole('button', { name: '注文を確定する' }).click();
  await expect(page).toHaveURL(orderPage);
  await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });
  await expect(orderState(page)).toHaveText('確定');
  await expect(page.getByRole('status').filter({ hasText: '注文の状態が「確定」になりました。' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  expect(await shownTotal(page)).toBe(product.price * 2);
  await expect(page.getByText(`〒${testAddress.postalCode}`)).toBeVisible();
  await expect(page.getByText('18時〜20時')).toBeVisible();
  await expect(cartLink(page)).toHaveAccessibleName('カート 0 点');

  // The history lists it (from the user menu), newest first.
  const orderId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
  await page.getByRole('button', { name: /アカウントメニュー/ }).click();
  await page.getByRole('navigation', { name: 'アカウントメニュー' }).getByRole('link', { name: '注文履歴' }).click();
  await expect(page).toHaveURL('/orders');
  const rows = page.locator('.order-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByRole('link')).toHaveAttribute('href', `/orders/${orderId}`);
  await expect(rows.first()).toContainText('確定');
  await expect(rows.first()).toContainText('2点');
});

test('an order is cancelled from its page after a confirmation, and stays cancelled', async ({ page }) => {
  const [first, second] = await stockedProducts(page, 2);
  if (!first || !second) throw new Error('unreachable');
  await signUpAndOpen(page, '/orders');
  await expect(page.getByText('まだ注文はありません。')).toBeVisible();

  await checkOut(page, first);
  await expect(orderState(page)).toHaveText('確定');
  const secondId = await checkOut(page, second);

  // Cancel asks first; "keep" leaves the order alone.
  await page.getByRole('button', { name: '注文をキャンセル' }).click();
  await page.getByRole('button', { name: 'やめる' }).click();
  await expect(orderState(page)).not.toHaveText('キャンセル済み');
  await page.getByRole('button', { name: '注文をキャンセル' }).click();
  await page.getByRole('button', { name: 'キャンセルする' }).click();
  await expect(orderState(page)).toHaveText('キャンセル済み');
  await expect(page.getByRole('button', { name: '注文をキャンセル' })).toHaveCount(0);
  await expect(page.getByText('理由：お客様がキャンセルしました。')).toBeVisible();

  // After a reload, and in the history (newest first): cancelled, the first still confirmed.
  await page.reload();
  await expect(orderState(page)).toHaveText('キャンセル済み');
  await page.goto('/orders');
  const rows = page.locator('.order-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).getByRole('link')).toHaveAttribute('href', `/orders/${secondId}`);
  await expect(rows.nth(0)).toContainText('キャンセル済み');
  await expect(rows.nth(1)).toContainText('確定');
});

test('an invalid address is shown at its fields and nothing is ordered', async ({ page }) => {
  const [product] = await stockedProducts(page, 1);
  if (!product) throw new Error('unreachable');
  await signUpAndOpen(page, '/orders');
  await openCheckout(page, product, { fill: false });

  await fillCheckout(page, { postalCode: '1500001', city: '   ', phone: '12345', prefecture: '' });
  await page.getByRole('button', { name: '注文を確定する' }).click();
  await expect(page.getByRole('alert')).toHaveText('入力内容を確認してください。');
  await expect(page.getByLabel('郵便番号')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('郵便番号')).toHaveAccessibleDescription(/123-4567/);
  await expect(page.getByText('郵便番号は「123-4567」の形で入力してください。')).toBeVisible();
  await expect(page.getByText('都道府県を選んでください。')).toBeVisible();
  await expect(page.getByLabel('市区町村')).toHaveAccessibleDescription('入力してください。');
  await expect(page.getByText('電話番号の形式が正しくありません（例：03-1234-5678）。')).toBeVisible();
  await expect(page.getByLabel('町名・番地')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL('/checkout');

  // Nothing was ordered; the cart is untouched.
  const token = await accessToken(page);
  const orders = await page.request.get('/api/orders', { headers: { authorization: `Bearer ${token}` } });
  expect(((await orders.json()) as { items: unknown[] }).items).toEqual([]);
  await expect(cartLink(page)).toHaveAccessibleName('カート 1 点');

  // Corrected, the same form places the order.
  await fillCheckout(page);
  await page.getByRole('button', { name: '注文を確定する' }).click();
  await expect(page).toHaveURL(orderPage);
});

test('another user’s order is a 404 page', async ({ page, browser }) => {
  const [product] = await stockedProducts(page, 1);
  if (!product) throw new Error('unreachable');
  await signUpAndOpen(page, '/orders');
  const orderId = await checkOut(page, product);

  const other = await browser.newContext();
  try {
    const otherPage = await other.newPage();
    await signUpAndOpen(otherPage, '/orders');
    await otherPage.goto(`/orders/${orderId}`);
    await expect(otherPage.getByRole('heading', { level: 1, name: '注文が見つかりません' })).toBeVisible();
    await expect(otherPage.getByTestId('order-state')).toHaveCount(0);
    const token = await accessToken(otherPage);
    const response = await otherPage.request.get(`/api/orders/${orderId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status()).toBe(404);
  } finally {
    await other.close();
  }
});

test('a checkout whose answer is lost on the network is retried with the same key: one order', async ({ page }) => {
  const [product] = await stockedProducts(page, 1);
  if (!product) throw new Error('unreachable');
  await signUpAndOpen(page, '/orders');
  await openCheckout(page, product);

  // The first POST reaches the server (which places the order), but its answer never reaches the page.
  const keys: string[] = [];
  const replayed: (string | null)[] = [];
  page.on('response', (response) => {
    if (response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/orders') {
      replayed.push(response.headers()['idempotent-replayed'] ?? null);
    }
  });
  let dropped = false;
  await page.route('**/api/orders', async (route) => {
    const request = route.request();
    if (request.method() !== 'POST') return route.continue();
    keys.push((await request.headerValue('idempotency-key')) ?? '');
    if (dropped) return route.continue();
    dropped = true;
    const answer = await route.fetch();
    expect(answer.status()).toBe(201);
    await route.abort('connectionreset');
  });

  await page.getByRole('button', { name: '注文を確定する' }).click();
  await expect(page).toHaveURL(orderPage);
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  expect(replayed).toEqual(['true']);

  const token = await accessToken(page);
  const orders = await page.request.get('/api/orders', { headers: { authorization: `Bearer ${token}` } });
  const items = ((await orders.json()) as { items: { id: string }[] }).items;
  expect(items).toHaveLength(1);
  expect(page.url()).toContain(items[0]?.id ?? 'missing');
});
