import { expect, test } from '@playwright/test';
import { accessToken, demo, signInOnProvider, signUpAndOpen } from './support/auth';
import { switchLanguage } from './support/language';
import { shoot } from './support/screenshots';
import { checkOut, stockedProducts } from './support/shop';

/**
 * The "done" in the browser: the stock consumer's switch at 100 %, an order's event fails every
 * delivery and is dead-lettered, and the alarms tab shows EventsDeadLettered in ALARM (the server
 * evaluates every 10 s); the switch off, the alarm is OK again once its one-minute period has passed
 * without a dead letter. Real time, so the test allows minutes; it waits for states, never for a time.
 */
test('a fault switch makes an alarm fire on the alarms tab, and turning it off clears it (ja, then en)', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await staff.goto('/admin/ops?tab=alarms');
  await signInOnProvider(staff, demo.staff);
  await expect(staff.getByRole('heading', { level: 1, name: '運用コンソール' })).toBeVisible();
  const deadLettered = staff.getByTestId('alarm-EventsDeadLettered');
  await expect(deadLettered).toBeVisible();
  await expect(staff.getByTestId('alarm-ConsumerFailing')).toContainText('EventsFailed の Sum（60 秒ごと）');

  // The switch, through the console's own tab.
  await staff.getByRole('button', { name: '障害スイッチ' }).click();
  await staff.getByLabel('在庫コンシューマー（注文の引当・確定） 失敗率（%）').fill('100');
  await staff.getByTestId('fault-stock-consumer').getByRole('button', { name: '設定' }).click();
  await expect(staff.getByTestId('fault-stock-consumer')).toContainText('オン');

  // A customer orders; the consumer fails its event until the transport dead-letters it.
  const [product] = await stockedProducts(page, 1);
  if (!product) throw new Error('unreachable');
  await signUpAndOpen(page, '/orders');
  await checkOut(page, product);

  await staff.getByRole('button', { name: 'アラーム' }).click();
  await expect(deadLettered).toHaveAttribute('data-state', 'ALARM', { timeout: 120_000 });
  await expect(deadLettered).toContainText('ALARM');
  // Its description and reason in the page's language (the API's are English).
  await expect(deadLettered).toContainText('コンシューマーが諦めたイベントがあります');
  await expect(deadLettered).toContainText('しきい値超え：直近 1 個のデータポイントのうち 1 個が条件に当たりました');
  await deadLettered.getByText(/状態の履歴/).click();
  await expect(deadLettered.getByTestId('alarm-change').first()).toContainText('OK → ALARM');
  await shoot(staff, 'ops-alarms-firing-ja');

  // Off again; the order's event is redriven so the order completes (and no letter is left for others).
  await staff.getByRole('button', { name: '障害スイッチ' }).click();
  await staff.getByTestId('fault-stock-consumer').getByRole('button', { name: 'オフにする' }).click();
  await expect(staff.getByTestId('fault-stock-consumer')).toContainText('オフ');
  const token = await accessToken(staff);
  const redrive = await staff.request.post('/api/staff/dead-letters/redrive', {
    headers: { Authorization: `Bearer ${token}` },
    data: { all: true },
  });
  expect(redrive.status()).toBe(200);
  await expect(page.getByTestId('order-state')).toHaveText('確定', { timeout: 60_000 });

  await switchLanguage(staff, 'en');
  await staff.getByRole('button', { name: 'Alarms' }).click();
  await expect(deadLettered).toHaveAttribute('data-state', 'OK', { timeout: 150_000 });
  await deadLettered.getByText(/State history/).click();
  await expect(deadLettered.getByTestId('alarm-change').first()).toContainText('ALARM → OK');
  await expect(deadLettered.getByTestId('alarm-change').first()).toContainText('fewer than the 1 needed');
  await expect(staff.getByTestId('alarm-summary')).toContainText('OK');
  await shoot(staff, 'ops-alarms-cleared-en');
  await staffContext.close();
});
