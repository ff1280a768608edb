import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { demo, signInOnProvider } from './support/auth';
import { expectAccessible } from './support/axe';

test('the device page charts a demo sensor, switches ranges and downloads the range as CSV', async ({ page }) => {
  await page.goto('/admin/telemetry');
  await signInOnProvider(page, demo.staff);
  await expect(page.getByRole('heading', { level: 1, name: 'センサー' })).toBeVisible();
  // The demo storehouse: a handful of sensors, each with a latest reading, one of them silent.
  const rows = page.locator('.device-row');
  // Six demo sensors (a rerun against the same server also lists the one the next test registers).
  await expect(rows.nth(5)).toBeVisible();
  await expect(page.locator('[data-state="silent"]').first()).toBeVisible();
  await expect(rows.first().locator('svg.sparkline')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: '蔵1 冷蔵庫（生酒）' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '蔵1 冷蔵庫（生酒）' })).toBeVisible();
  // Two charts drawn (uPlot paints a canvas each), on the default 24 hours by 5 minutes.
  await expect(page.locator('.readings-chart canvas')).toHaveCount(2);
  await expect(page.locator('[data-width="5m"]')).toBeVisible();
  await expect(page.locator('[data-chart-summary="temperature"]')).toContainText('°C');
  await expectAccessible(page);

  await page.getByRole('button', { name: '7日', exact: true }).click();
  await expect(page).toHaveURL(/range=7d/);
  await expect(page.getByRole('button', { name: '7日', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[data-width="1h"]')).toBeVisible();
  // The demo history has a two-hour radio outage in it: it stays a gap.
  await expect(page.locator('[data-chart-summary="temperature"]')).toContainText(/のうち[1-9]\d*区間は計測値なし/);
  await page.getByRole('button', { name: '1時間', exact: true }).click();
  await expect(page.locator('[data-width="1m"]')).toBeVisible();
  await expect(page.locator('.readings-chart canvas')).toHaveCount(2);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSVをダウンロード' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^kura-readings-.+\.csv$/);
  const bytes = await readFile((await file.path()) ?? '');
  // UTF-8 with a BOM, so Excel reads the Japanese right; a header and the hour's readings.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString('utf8').trim().split('\n').length).toBeGreaterThan(1);
});

test('staff register a sensor, see its key once, the key works, and a rotation issues a new one', async ({ page }) => {
  await page.goto('/admin/telemetry/new');
  await signInOnProvider(page, demo.staff);
  const name = `e2e センサー ${Date.now()}`;
  await page.getByLabel('名前（日本語）').fill(name);
  await page.getByLabel('名前（英語）').fill(`e2e sensor ${Date.now()}`);
  await page.getByLabel('設置場所').fill('蔵3 試験棚');
  await page.getByLabel('種類').selectOption('cellar');
  await page.getByLabel('報告間隔（秒）').fill('60');
  await page.getByRole('button', { name: '登録', exact: true }).click();

  const secret = page.locator('.device-key code.secret');
  await expect(secret).toHaveText(/^kura_dk_/);
  const firstKey = await secret.innerText();

  // The key is the device's credential for the ingest API.
  const ingest = await page.request.post('/ingest/v1/readings', {
    headers: { Authorization: `Bearer ${firstKey}` },
    data: { readings: [{ ts: new Date().toISOString(), temperature: 12.3, humidity: 70, status: 'ok' }] },
  });
  expect(ingest.status()).toBe(200);
  expect(await ingest.json()).toMatchObject({ accepted: 1, duplicates: 0, rejected: [] });

  // On the device's page the key is only a prefix: shown once means never again.
  await page.getByRole('link', { name: 'センサーのページを開く' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.locator('.device-key-row')).toHaveCount(1);
  await expect(page.locator('.device-key-row')).toContainText(firstKey.slice(0, 14));
  await expect(page.locator('body')).not.toContainText(firstKey);
  await expect(page.locator('[data-figure="temperature"]')).toHaveText('12.3 °C');

  // Rotate with no grace: a new key shown once, the old one stops at once.
  await page.getByLabel('古いキーの猶予').selectOption('0');
  await page.getByRole('button', { name: 'キーを更新' }).click();
  await expect(secret).toHaveText(/^kura_dk_/);
  const secondKey = await secret.innerText();
  expect(secondKey).not.toBe(firstKey);
  await expect(page.locator('.device-key-row')).toHaveCount(2);
  const post = (key: string) =>
    page.request.post('/ingest/v1/readings', {
      headers: { Authorization: `Bearer ${key}` },
      data: { readings: [{ ts: new Date().toISOString(), temperature: 12.4, humidity: 70, status: 'ok' }] },
    });
  expect((await post(firstKey)).status()).toBe(401);
  expect((await post(secondKey)).status()).toBe(200);

  await page.reload();
  await expect(page.locator('.device-key-row')).toHaveCount(2);
  await expect(page.locator('body')).not.toContainText(secondKey);

  // Revoke: every key stops.
  await page.getByRole('button', { name: 'すべてのキーを失効' }).click();
  await page.getByRole('button', { name: '失効する' }).click();
  await expect(page.getByRole('status').filter({ hasText: '件のキーを失効しました' })).toBeVisible();
  expect((await post(secondKey)).status()).toBe(401);
});
