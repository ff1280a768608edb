import { expect, type Page, test } from '@playwright/test';
import { demo, signInOnProvider, signUpAndOpen } from './support/auth';
import { switchLanguage } from './support/language';
import { addToCart, fillCheckout, stockedProducts } from './support/shop';

/** Where a run leaves its screenshots for a person to look at (KURA_SCREENSHOTS), or nowhere. */
const screenshotDir = process.env.KURA_SCREENSHOTS;
async function shoot(page: Page, name: string) {
  if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage: true });
}

test('an order placed in the shop is found in the console, its trace running from the API through the queue to the stock consumer', async ({
  page,
  browser,
}) => {
  const [product] = await stockedProducts(page, 1);
  if (!product) throw new Error('unreachable');
  await signUpAndOpen(page, '/orders');
  await page.goto(`/products/${product.slug}`);
  await addToCart(page);
  await page.goto('/checkout');
  await fillCheckout(page);
  await page.getByRole('button', { name: '注文を確定する' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  const orderId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
  await expect(page.getByTestId('order-state')).toHaveText('確定', { timeout: 20_000 });

  // Staff, in their own browser, open the console and look the checkout up by its route.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await staff.goto('/admin/ops');
  await signInOnProvider(staff, demo.staff);
  await expect(staff.getByRole('heading', { level: 1, name: '運用コンソール' })).toBeVisible();
  await staff.getByLabel('ルート・名前').fill('POST /api/orders');
  const row = staff.getByTestId('trace-row').filter({ hasText: 'POST /api/orders' }).first();
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.getByRole('button').click();

  // The waterfall: the API's request, its SQL, and the consumer that reserved the stock for this order.
  const waterfall = staff.getByRole('list', { name: 'ウォーターフォール' });
  await expect(waterfall.getByRole('button', { name: /POST \/api\/orders/ }).first()).toBeVisible();
  // The relay's publish of the order's event, then the consumer that reserved the stock.
  await expect(waterfall.getByRole('button', { name: /publish OrderPlaced/ })).toBeVisible({ timeout: 20_000 });
  const consumer = waterfall.getByRole('button', { name: /process OrderPlaced/ });
  await expect(consumer).toBeVisible({ timeout: 20_000 });
  await consumer.click();
  await expect(staff.getByText(orderId).first()).toBeVisible();
  await expect(waterfall.getByRole('button', { name: /process StockReserved/ })).toBeVisible({ timeout: 20_000 });
  // The service map lights the API, the worker and the database for this trace.
  const map = staff.getByRole('img', { name: 'サービスマップ' });
  for (const tier of ['api', 'worker', 'database']) {
    await expect(map.locator(`[data-tier="${tier}"]`)).toHaveAttribute('data-present', 'true');
  }
  // The trace's log lines sit beside it.
  await shoot(staff, 'ops-trace-ja');
  await staffContext.close();
});

test('the console in English: a fault switch set, shown on and turned off again, and the change in the live log tail', async ({
  page,
}) => {
  await page.goto('/admin/ops');
  await signInOnProvider(page, demo.staff);
  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Operations console' })).toBeVisible();
  const opsNav = page.getByRole('navigation', { name: 'Operations console' });
  await expect(opsNav.getByRole('link', { name: 'Failed events' })).toHaveAttribute('href', '/admin/dead-letters');
  await expect(page.getByTestId('trace-row').first()).toBeVisible({ timeout: 20_000 });
  await shoot(page, 'ops-traces-en');

  await page.getByRole('button', { name: 'Fault switches' }).click();
  const row = page.getByTestId('fault-stock-consumer');
  await expect(row).toContainText('Off');
  await page.getByLabel('Stock consumer (reserves and confirms orders) Failure rate (%)').fill('50');
  await row.getByRole('button', { name: 'Set' }).click();
  await expect(page.getByRole('status')).toHaveText('Stock consumer (reserves and confirms orders) set.');
  await expect(page.getByTestId('fault-stock-consumer')).toContainText('On');
  await shoot(page, 'ops-faults-en');
  await page.getByTestId('fault-stock-consumer').getByRole('button', { name: 'Turn off' }).click();
  await expect(page.getByTestId('fault-stock-consumer')).toContainText('Off');

  await page.getByRole('button', { name: 'Logs' }).click();
  await expect(page.getByLabel('Live tail (every 2 s)')).toBeChecked();
  await page.getByLabel('Level and above').selectOption('warn');
  // The switch's change was logged as a warning (the local profile keeps warnings and above).
  await expect(page.getByTestId('log-line').filter({ hasText: 'fault switch changed' }).first()).toBeVisible({
    timeout: 20_000,
  });
  await shoot(page, 'ops-logs-en');

  // And back in Japanese, the same screen reads in Japanese.
  await switchLanguage(page, 'ja');
  await expect(page.getByRole('heading', { level: 1, name: '運用コンソール' })).toBeVisible();
  await page.getByRole('button', { name: '障害スイッチ' }).click();
  await expect(page.getByTestId('fault-stock-consumer')).toContainText('在庫コンシューマー');
});
