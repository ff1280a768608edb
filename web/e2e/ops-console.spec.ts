import { expect, test } from '@playwright/test';
import { demo, signInOnProvider, signUpAndOpen } from './support/auth';
import { switchLanguage } from './support/language';
import { shoot } from './support/screenshots';
import { openCheckout, stockedProducts } from './support/shop';

/** The console's words the checks below read, in each language. */
const consoleWords = {
  ja: {
    title: '運用コンソール',
    route: 'ルート・名前',
    waterfall: 'ウォーターフォール',
    serviceMap: 'サービスマップ',
    metrics: 'メトリクス',
    range: '15 分',
    ordersPlaced: /^注文（Sum）: [1-9]/,
  },
  en: {
    title: 'Operations console',
    route: 'Route or name',
    waterfall: 'Waterfall',
    serviceMap: 'Service map',
    metrics: 'Metrics',
    range: '15 min',
    ordersPlaced: /^Orders placed \(Sum\): [1-9]/,
  },
} as const;

for (const language of ['ja', 'en'] as const) {
  test(`the click on 注文を確定する is found in the console (${language}) as one trace: the API, the relay and the stock consumer, and the orders metric moved`, async ({
    page,
    browser,
  }) => {
    const words = consoleWords[language];
    const [product] = await stockedProducts(page, 1);
    if (!product) throw new Error('unreachable');
    await signUpAndOpen(page, '/orders');
    await openCheckout(page, product);
    // The trace this very click starts: the SPA sends its traceparent with the checkout.
    const checkout = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/orders');
    await page.getByRole('button', { name: '注文を確定する' }).click();
    const traceparent = (await checkout).headers().traceparent ?? '';
    expect(traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const traceId = traceparent.split('-')[1] ?? '';
    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
    const orderId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    await expect(page.getByTestId('order-state')).toHaveText('確定', { timeout: 20_000 });

    // Staff, in their own browser, open the console and look the checkout up by its route.
    const staffContext = await browser.newContext();
    const staff = await staffContext.newPage();
    await staff.goto('/admin/ops');
    await signInOnProvider(staff, demo.staff);
    if (language === 'en') await switchLanguage(staff, 'en');
    await expect(staff.getByRole('heading', { level: 1, name: words.title })).toBeVisible();
    await staff.getByLabel(words.route).fill('POST /api/orders');
    // That click's own trace, not any checkout's.
    const row = staff.locator(`[data-testid="trace-row"][data-trace-id="${traceId}"]`);
    await expect(row).toContainText('POST /api/orders', { timeout: 20_000 });
    await row.getByRole('button').click();
    await expect(staff).toHaveURL(new RegExp(`trace=${traceId}`));

    // The waterfall: the API's request, the relay's publish of the order's event, the consumer that reserved the stock.
    const waterfall = staff.getByRole('list', { name: words.waterfall });
    await expect(waterfall.getByRole('button', { name: /POST \/api\/orders/ }).first()).toBeVisible();
    await expect(waterfall.getByRole('button', { name: /publish OrderPlaced/ })).toBeVisible({ timeout: 20_000 });
    const consumer = waterfall.getByRole('button', { name: /process OrderPlaced/ });
    await expect(consumer).toBeVisible({ timeout: 20_000 });
    await consumer.click();
    await expect(staff.getByText(orderId).first()).toBeVisible();
    // Stock reserves and confirms in one step now; the confirmation's event reaches its consumer (the pack task).
    await expect(waterfall.getByRole('button', { name: /process OrderConfirmed/ })).toBeVisible({ timeout: 20_000 });
    // The service map lights the API, the queue, the worker and the database for this trace.
    const map = staff.getByRole('img', { name: words.serviceMap });
    for (const tier of ['api', 'queue', 'worker', 'database']) {
      await expect(map.locator(`[data-tier="${tier}"]`)).toHaveAttribute('data-present', 'true');
    }
    await shoot(staff, `ops-trace-${language}`);

    // The orders metric moved: the catalogue's widgets drawn over the last 15 minutes.
    await staff.getByRole('button', { name: words.metrics, exact: true }).click();
    // A controlled radio: checked once the URL says so (click, then wait for the state; check() looks at once).
    await staff.getByRole('radio', { name: words.range }).click();
    await expect(staff).toHaveURL(/range=15m/);
    await expect(staff.getByRole('radio', { name: words.range })).toBeChecked();
    const orders = staff.locator('[data-testid="metric-widget"][data-widget="Orders"]');
    await expect(orders.locator('canvas')).not.toHaveCount(0);
    await expect(orders.locator('[data-metric="OrdersPlaced"]')).toHaveText(words.ordersPlaced, { timeout: 20_000 });
    await shoot(staff, `ops-metrics-${language}`);
    await staffContext.close();
  });
}

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
