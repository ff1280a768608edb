import { type Browser, expect, type Page, test } from '@playwright/test';
import { accessToken, demo, signInOnProvider, signUpAndOpen } from './support/auth';
import { orderState, stockedProducts, testAddress, tokyoDateInDays } from './support/shop';

type PlacedOrder = { id: string; number: number; state: string };

/** A customer of their own: signed up in a fresh browser context, on their order history. */
async function newCustomer(browser: Browser) {
  const page = await (await browser.newContext()).newPage();
  await signUpAndOpen(page, '/orders');
  return page;
}

/**
 * A member of staff of their own (so their todo list holds only this test's
 * tasks): signed up, then made staff by the demo admin through the API, as
 * the users page would.
 */
async function newStaffMember(browser: Browser) {
  const page = await (await browser.newContext()).newPage();
  const email = await signUpAndOpen(page, '/todos');

  const admin = await (await browser.newContext()).newPage();
  await admin.goto('/admin');
  await signInOnProvider(admin, demo.admin);
  const headers = { Authorization: `Bearer ${await accessToken(admin)}` };
  const found = await admin.request.get(`/api/admin/users?q=${encodeURIComponent(email)}`, { headers });
  const user = ((await found.json()) as { items: { id: string }[] }).items[0];
  expect(user, `the new account ${email}`).toBeTruthy();
  const changed = await admin.request.patch(`/api/admin/users/${user?.id}`, { headers, data: { role: 'staff' } });
  expect(changed.status()).toBe(200);
  await admin.context().close();
  return page;
}

/** "Buy now" through the API with the customer's own token (the checkout pages have their own spec). */
async function placeOrder(customer: Page, productId: string, quantity: number): Promise<PlacedOrder> {
  const response = await customer.request.post('/api/orders', {
    headers: { Authorization: `Bearer ${await accessToken(customer)}`, 'Idempotency-Key': crypto.randomUUID() },
    data: {
      lines: [{ productId, quantity }],
      shippingAddress: testAddress,
      delivery: { date: tokyoDateInDays(3), slot: '14-16' },
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as PlacedOrder;
}

test('staff find a confirmed order in the back office, ship and deliver it; the pack task follows', async ({
  browser,
}) => {
  test.slow(); // three people, three browsers
  const staff = await newStaffMember(browser);
  const customer = await newCustomer(browser);
  const [product] = await stockedProducts(customer, 1);
  if (!product) throw new Error('unreachable');
  const order = await placeOrder(customer, product.id, 2);
  await customer.goto(`/orders/${order.id}`);
  await expect(customer.getByRole('heading', { level: 1 })).toHaveText(`注文 ${order.number}`);
  await expect(orderState(customer)).toHaveText('確定');

  // The pack task is on the staff member's list, and leads to the order.
  const task = `注文 ${order.number} を梱包`;
  await staff.goto('/todos');
  const item = staff.locator('.todo-list li', { hasText: task });
  await expect(item).toHaveCount(1);
  await expect(item.getByRole('checkbox')).not.toBeChecked();

  // The back office: 注文 in the menu, the confirmed ones by the state filter.
  await staff.goto('/admin');
  await staff.getByRole('navigation', { name: '管理メニュー' }).getByRole('link', { name: '注文' }).click();
  await expect(staff).toHaveURL('/admin/orders');
  await expect(staff.getByRole('heading', { level: 1, name: '注文' })).toBeVisible();
  await expect(staff.getByRole('option', { name: /^確定（\d+件）$/ })).toHaveCount(1);
  await staff.getByLabel('状態').selectOption('confirmed');
  await expect(staff).toHaveURL(/state=confirmed/);
  const row = staff.locator('.staff-order-row', { hasText: String(order.number) });
  await expect(row).toContainText('確定');
  await expect(staff.locator('.staff-order-row').filter({ hasNotText: '確定' })).toHaveCount(0);
  await row.getByRole('link', { name: String(order.number) }).click();
  await expect(staff).toHaveURL(`/admin/orders/${order.id}`);
  await expect(staff.getByTestId('customer-email')).toContainText('@e2e.kura.test');

  // Only what the state allows: a confirmed order can ship or be cancelled, not be delivered.
  await expect(staff.getByRole('button', { name: 'お届け済みにする' })).toHaveCount(0);
  await staff.getByRole('button', { name: '発送済みにする' }).click();
  await expect(
    staff.getByRole('status').filter({ hasText: `注文 ${order.number} を発送済みにしました。` }),
  ).toBeVisible();
  await expect(orderState(staff)).toHaveText('発送済み');
  await expect(staff.getByRole('button', { name: '注文をキャンセル' })).toHaveCount(0);
  await staff.getByRole('button', { name: 'お届け済みにする' }).click();
  await expect(orderState(staff)).toHaveText('お届け済み');
  await expect(staff.getByText('この注文に行える操作はありません。')).toBeVisible();
  await expect(staff.getByRole('row', { name: /発送済み → お届け済み/ })).toBeVisible();

  // The customer sees it delivered; the pack task is done.
  await customer.reload();
  await expect(orderState(customer)).toHaveText('お届け済み');
  // Shipping completes the task through the event flow, a moment after the ship; the todos page is not
  // live, so it is reloaded until the task shows done.
  await expect(async () => {
    await staff.goto('/todos');
    await expect(item.getByRole('checkbox')).toBeChecked({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await item.getByRole('link', { name: `「${task}」の関連ページを開く` }).click();
  await expect(staff).toHaveURL(`/admin/orders/${order.id}`);
});

test('cancel asks first and releases the order; a change made elsewhere meanwhile is shown, not overwritten', async ({
  browser,
}) => {
  test.slow();
  const customer = await newCustomer(browser);
  const staff = await (await browser.newContext()).newPage();
  await staff.goto('/admin');
  await signInOnProvider(staff, demo.staff);
  const [, product] = await stockedProducts(customer, 2);
  if (!product) throw new Error('unreachable');
  const first = await placeOrder(customer, product.id, 1);
  const second = await placeOrder(customer, product.id, 1);
  await customer.goto(`/orders/${second.id}`);
  await expect(orderState(customer)).toHaveText('確定');

  // Cancel: "keep it" leaves the order alone; confirming cancels it with the shop's reason.
  await staff.goto(`/admin/orders/${first.id}`);
  await staff.getByRole('button', { name: '注文をキャンセル' }).click();
  await staff.getByRole('button', { name: 'やめる' }).click();
  await expect(orderState(staff)).toHaveText('確定');
  await staff.getByRole('button', { name: '注文をキャンセル' }).click();
  await expect(staff.getByText(`注文 ${first.number} をキャンセルしますか？`)).toBeVisible();
  await staff.getByRole('button', { name: 'キャンセルする' }).click();
  await expect(orderState(staff)).toHaveText('キャンセル済み');
  await expect(staff.getByText('理由：ショップがキャンセルしました。')).toBeVisible();

  // The second order is open in the back office when its customer cancels it: shipping is refused, clearly.
  await staff.goto(`/admin/orders/${second.id}`);
  await expect(staff.getByRole('button', { name: '発送済みにする' })).toBeVisible();
  const cancelled = await customer.request.post(`/api/orders/${second.id}/cancel`, {
    headers: { Authorization: `Bearer ${await accessToken(customer)}` },
  });
  expect(cancelled.status()).toBe(200);
  await staff.getByRole('button', { name: '発送済みにする' }).click();
  await expect(staff.getByRole('alert')).toHaveText(/他の場所で変更されました/);
  await expect(orderState(staff)).toHaveText('キャンセル済み');
  await expect(staff.getByRole('button', { name: '発送済みにする' })).toHaveCount(0);
});
