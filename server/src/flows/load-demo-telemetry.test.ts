import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDevices } from '../../demo/storehouse-climate.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { createPostgresReadingsStore } from '../modules/telemetry/public.js';
import type { DeviceBucketsResponse } from '../modules/telemetry/routes/device-readings.js';
import type { ListDeviceStatusResponse } from '../modules/telemetry/routes/device-status.js';
import { demoHistoryDays, loadDemoTelemetry } from './load-demo-telemetry.js';

let t: TestApp;
let firstLoad: Awaited<ReturnType<typeof loadDemoTelemetry>>;
let firstLoadMs: number;
const now = new Date();

beforeAll(async () => {
  t = await createTestApp();
  const started = performance.now();
  firstLoad = await loadDemoTelemetry({
    db: t.database.db,
    readings: createPostgresReadingsStore(t.database.db),
    now,
  });
  firstLoadMs = performance.now() - started;
});
afterAll(async () => {
  await t?.close();
});

describe('loadDemoTelemetry', () => {
  it('loads the storehouse sensors with several days of history, once', async () => {
    expect(firstLoad.loaded).toBe(true);
    expect(firstLoad.devices).toBe(demoDevices.length);
    // A minute apart for the fridges, five for the rooms: tens of thousands of rows.
    expect(firstLoad.readings).toBeGreaterThan(20_000);
    process.stderr.write(`demo telemetry: ${firstLoad.readings} readings in ${Math.round(firstLoadMs)} ms\n`);
    const again = await loadDemoTelemetry({
      db: t.database.db,
      readings: createPostgresReadingsStore(t.database.db),
    });
    expect(again).toEqual({ loaded: false, devices: 0, readings: 0 });
  });

  it('shows devices reporting, one silent, with latest readings in their usual range', async () => {
    const staff = await t.signIn({ role: 'staff' });
    const list = await t.getJson<ListDeviceStatusResponse>('/api/telemetry/devices', { headers: staff.headers });
    expect(list.status).toBe(200);
    const byLocation = new Map(list.body.items.map((d) => [d.location, d]));
    for (const demo of demoDevices) {
      const device = byLocation.get(demo.location);
      expect(device?.state, demo.key).toBe(demo.silentForMinutes ? 'silent' : 'reporting');
      expect(Math.abs((device?.latest?.temperature ?? 99) - demo.climate.temperature)).toBeLessThan(10);
    }
  });

  it('leaves the outage as empty buckets in the history', async () => {
    const staff = await t.signIn({ role: 'staff' });
    const list = await t.getJson<ListDeviceStatusResponse>('/api/telemetry/devices', { headers: staff.headers });
    const withOutage = demoDevices.find((d) => d.outageHoursAgo);
    const device = list.body.items.find((d) => d.location === withOutage?.location);
    const from = new Date(now.getTime() - demoHistoryDays * 86_400_000).toISOString();
    const buckets = await t.getJson<DeviceBucketsResponse>(
      `/api/telemetry/devices/${device?.id}/buckets?width=1h&from=${from}&to=${now.toISOString()}`,
      { headers: staff.headers },
    );
    expect(buckets.status).toBe(200);
    const empty = buckets.body.buckets.filter((b) => b.count === 0);
    // Two hours without a reading (the bucket edges may split them into three).
    expect(empty.length).toBeGreaterThanOrEqual(1);
    expect(empty.length).toBeLessThanOrEqual(3);
    expect(buckets.body.buckets.filter((b) => b.count >= 50).length).toBeGreaterThan(100);
  });
});
