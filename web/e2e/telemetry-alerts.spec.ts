import { mkdir } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { accessToken, demo, signInOnProvider } from './support/auth';
import { expectAccessible } from './support/axe';
import { switchLanguage } from './support/language';

type Registered = { device: { id: string }; key: string };

/** A fresh sensor for one test, through the staff API: its alerts and tasks are only this test's. */
async function registerSensor(page: Page, nameJa: string): Promise<Registered> {
  const response = await page.request.post('/api/staff/telemetry/devices', {
    headers: { Authorization: `Bearer ${await accessToken(page)}` },
    data: { nameJa, nameEn: `${nameJa} (en)`, location: '蔵1 冷蔵庫', kind: 'fridge', reportingIntervalSeconds: 60 },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as Registered;
}

/** Readings through the real ingest API with the sensor's own key, as the device would send them. */
async function postReadings(page: Page, key: string, readings: { ts: Date; temperature: number }[]) {
  const response = await page.request.post('/ingest/v1/readings', {
    headers: { Authorization: `Bearer ${key}` },
    data: {
      readings: readings.map((r) => ({
        ts: r.ts.toISOString(),
        temperature: r.temperature,
        humidity: 62,
        status: 'ok',
      })),
    },
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ accepted: readings.length, rejected: [] });
}

const minute = 60_000;

test('staff set a rule on the device page; a breach posted to the ingest API raises an alert and a task, and recovery clears both', async ({
  page,
}) => {
  test.slow(); // one long journey: rule, breach, alert, banner, list, task, recovery, three accessibility checks
  await page.goto('/admin/telemetry');
  await signInOnProvider(page, demo.staff);
  const name = `蔵1 冷蔵庫 e2e-${Date.now().toString(36)}`;
  const { device, key } = await registerSensor(page, name);
  await page.goto(`/admin/telemetry/${device.id}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const rules = page.getByRole('region', { name: 'アラートのルール' });
  await expect(rules).toContainText('ルールはまだありません。');

  // Add: warmer than 10 °C for 10 minutes. A clear threshold above the threshold is refused before it is sent.
  await rules.getByRole('button', { name: 'ルールを追加' }).click();
  const form = page.getByRole('form', { name: 'ルールを追加' });
  await form.getByLabel('しきい値（°C）', { exact: true }).fill('10');
  await form.getByLabel('継続時間（分）', { exact: true }).fill('10');
  await form.getByLabel(/^解除のしきい値（°C）/).fill('11');
  await form.getByRole('button', { name: '追加', exact: true }).click();
  await expect(form.getByLabel(/^解除のしきい値（°C）/)).toHaveAccessibleDescription(
    /解除のしきい値はしきい値以下にしてください/,
  );
  await expectAccessible(page);
  await form.getByLabel(/^解除のしきい値（°C）/).fill('7');
  await form.getByRole('button', { name: '追加', exact: true }).click();
  await expect(form).toBeHidden();
  const rule = rules.locator('.alert-rule');
  await expect(rule).toHaveCount(1);
  await expect(rule).toContainText('温度 > 10 °C が 10 分続いたら発生、7 °C に戻れば解除');

  // Edit it down to 8 °C: the chart draws the new limit and its clear line.
  await rule.getByRole('button', { name: /^ルールを編集/ }).click();
  const edit = page.getByRole('form', { name: 'ルールを編集' });
  await expect(edit.getByLabel('しきい値（°C）', { exact: true })).toHaveValue('10');
  await edit.getByLabel('しきい値（°C）', { exact: true }).fill('8');
  await edit.getByRole('button', { name: '保存', exact: true }).click();
  await expect(rule).toContainText('温度 > 8 °C が 10 分続いたら発生、7 °C に戻れば解除');
  await expect(rule).toContainText('正常');
  await expect(page.locator('.readings-chart[data-metric="temperature"]')).toHaveAttribute('data-thresholds', '8 7');

  // A breach through the real ingest API: 9.1 °C twelve minutes ago, 9.4 °C now — twelve minutes past 8 °C.
  const breachAt = Date.now();
  const breachSince = breachAt - 12 * minute;
  await postReadings(page, key, [{ ts: new Date(breachSince), temperature: 9.1 }]);
  // One warm reading is not an alert yet: the rule waits, and says since when.
  await expect(rule).toContainText('外れています（判定待ち）', { timeout: 30_000 });
  await expect(rule.locator('.phase-since')).toContainText('から');
  await postReadings(page, key, [{ ts: new Date(breachAt), temperature: 9.4 }]);
  const history = page.getByRole('region', { name: 'アラート履歴' });
  const raisedRow = history.locator('.alert-row').first();
  // The page refreshes on its own (every 15 s); wait for the alert to arrive, not for a time.
  await expect(raisedRow).toContainText('発生中', { timeout: 30_000 });
  await expect(raisedRow).toContainText('温度 > 8 °C');
  await expect(raisedRow).toContainText('9.4 °C');
  // A raised alert's duration runs to the page's clock, so on a slow machine it may read 13 分 or more by now:
  // at least the twelve minutes the readings span, at most the time since the first warm reading.
  const ongoing = raisedRow.getByRole('cell', { name: /^\d+ 分（継続中）$/ });
  const shownMinutes = Number.parseInt((await ongoing.textContent()) ?? '', 10);
  expect(shownMinutes).toBeGreaterThanOrEqual(12);
  expect(shownMinutes).toBeLessThanOrEqual(Math.round((Date.now() - breachSince) / minute));
  const banner = page.getByRole('region', { name: /発生中のアラート/ });
  await expect(banner).toContainText('温度 > 8 °C：9.4 °C', { timeout: 30_000 });
  await expect(rule).toContainText('アラート発生中', { timeout: 30_000 });

  await expectAccessible(page);

  await mkdir('test-results/screens', { recursive: true });
  await page.screenshot({ path: 'test-results/screens/device-alert-ja-desktop.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(banner).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/device-alert-ja-phone.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // The devices list marks the sensor.
  await page.goto('/admin/telemetry');
  const row = page.locator('.device-row').filter({ has: page.getByRole('link', { name, exact: true }) });
  await expect(row.locator('.open-alerts-badge')).toHaveText('アラート 1件');
  await expectAccessible(page);

  // Every on-duty staff member gets the task, worded as staff say it.
  const title = `${name}: 9.4 °C が 12 分続いています`;
  const task = page.locator('.todo-list li').filter({ hasText: title });
  await page.goto('/todos');
  await expect(async () => {
    await page.reload();
    await expect(task).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(task.locator('input.toggle')).not.toBeChecked();
  await expect(task.getByRole('link', { name: /開く/ })).toHaveAttribute('href', `/admin/telemetry/${device.id}`);

  // Back under the clear threshold: the alert clears itself and the task is done.
  const clearedAt = Math.max(Date.now(), breachAt + 1000);
  await postReadings(page, key, [{ ts: new Date(clearedAt), temperature: 6.8 }]);
  await expect(async () => {
    await page.reload();
    await expect(task.locator('input.toggle')).toBeChecked({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  await page.goto(`/admin/telemetry/${device.id}`);
  await expect(history.locator('.alert-row').first()).toContainText('解除済み');
  await expect(history.locator('.alert-row').first()).toContainText('回復');
  // A cleared alert's duration is fixed by its readings: from the first warm one to the one that cleared it.
  await expect(
    history
      .locator('.alert-row')
      .first()
      .getByRole('cell', { name: `${Math.round((clearedAt - breachSince) / minute)} 分`, exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: /発生中のアラート/ })).toHaveCount(0);
  await expect(rule).toContainText('正常');
});

test('in English: a below-rule is checked, added, turned into a silence rule and removed', async ({ page }) => {
  await page.goto('/admin/telemetry');
  await signInOnProvider(page, demo.staff);
  const name = `蔵2 セラー e2e-${Date.now().toString(36)}`;
  const { device } = await registerSensor(page, name);
  await page.goto(`/admin/telemetry/${device.id}`);
  await switchLanguage(page, 'en');
  const rules = page.getByRole('region', { name: 'Alert rules' });
  await expect(rules).toContainText('No rules yet.');

  await rules.getByRole('button', { name: 'Add a rule' }).click();
  const form = page.getByRole('form', { name: 'Add a rule' });
  await form.getByLabel('Condition').selectOption('below');
  await form.getByLabel('Reading').selectOption('humidity');
  await form.getByLabel('Threshold (%RH)', { exact: true }).fill('140');
  await form.getByLabel(/^Clear threshold \(%RH\)/).fill('30');
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(form.getByLabel('Threshold (%RH)', { exact: true })).toHaveAccessibleDescription(
    /between 0 and 100 %RH/,
  );
  await form.getByLabel('Threshold (%RH)', { exact: true }).fill('40');
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(form.getByLabel(/^Clear threshold \(%RH\)/)).toHaveAccessibleDescription(
    /must be at or above the threshold/,
  );
  await form.getByLabel(/^Clear threshold \(%RH\)/).fill('45');
  await form.getByLabel('For (minutes)', { exact: true }).fill('30');
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  const rule = rules.locator('.alert-rule');
  await expect(rule).toContainText('Raised when Humidity < 40 %RH for 30 min; clears at 45 %RH');
  await expect(page.locator('.readings-chart[data-metric="humidity"]')).toHaveAttribute('data-thresholds', '40 45');

  await rule.getByRole('button', { name: /^Edit rule/ }).click();
  const edit = page.getByRole('form', { name: 'Edit the rule' });
  await edit.getByLabel('Condition').selectOption('silence');
  await edit.getByLabel('Silent for (minutes)').fill('15');
  await edit.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(rule).toContainText('Raised after 15 min without a reading; cleared by the next one');
  await expect(page.locator('.readings-chart[data-metric="humidity"]')).toHaveAttribute('data-thresholds', '');

  await rule.getByRole('button', { name: /^Remove rule/ }).click();
  await rules.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(rules).toContainText('No rules yet.');
  await expect(page.getByRole('region', { name: 'Alert history' })).toContainText('No alerts yet.');
});

test('the alert history shows twenty alerts, and "more" follows the cursor to the older ones', async ({ page }) => {
  await page.goto('/admin/telemetry');
  await signInOnProvider(page, demo.staff);
  const { device, key } = await registerSensor(page, `蔵3 倉庫 e2e-${Date.now().toString(36)}`);
  const rule = await page.request.post(`/api/telemetry/devices/${device.id}/alert-rules`, {
    headers: { Authorization: `Bearer ${await accessToken(page)}` },
    data: { kind: 'above', metric: 'temperature', threshold: 8, forSeconds: 0 },
  });
  expect(rule.status()).toBe(201);
  // Twenty-one breaches, each cleared by the next reading: twenty-one alerts, one more than a page.
  const start = Date.now() - 50 * minute;
  await postReadings(
    page,
    key,
    Array.from({ length: 42 }, (_, i) => ({ ts: new Date(start + i * minute), temperature: i % 2 === 0 ? 9 : 7 })),
  );
  await page.goto(`/admin/telemetry/${device.id}`);
  const history = page.getByRole('region', { name: 'アラート履歴' });
  await expect(history.locator('.alert-row')).toHaveCount(20);
  await history.getByRole('button', { name: 'さらに表示' }).click();
  await expect(history.locator('.alert-row')).toHaveCount(21);
  await expect(history.getByRole('button', { name: 'さらに表示' })).toHaveCount(0);
  // Newest first: the oldest alert, raised by the first reading, is last.
  await expect(history.locator('.alert-row').last()).toContainText('解除済み');
});
