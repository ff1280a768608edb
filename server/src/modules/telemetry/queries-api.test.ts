import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ErrorBody } from '../../platform/http/errors.js';
import type { IngestResult } from './ingest-readings.js';
import type { DeviceBucketsResponse, ListDeviceReadingsResponse } from './routes/device-readings.js';
import type { ListDeviceStatusResponse } from './routes/device-status.js';
import type { RegisterDeviceResponse } from './routes/register-device.js';

let t: TestApp;
let staff: Awaited<ReturnType<TestApp['signIn']>>;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.signIn({ role: 'staff' });
});
afterAll(async () => {
  await t?.close();
});

async function registerDevice(reportingIntervalSeconds = 60) {
  const response = await t.app.request('/api/staff/telemetry/devices', {
    method: 'POST',
    headers: { ...staff.headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      nameJa: '蔵3 倉庫',
      nameEn: 'Storehouse 3 warehouse',
      location: '蔵3',
      kind: 'warehouse',
      reportingIntervalSeconds,
    }),
  });
  return (await response.json()) as RegisterDeviceResponse;
}

async function ingest(key: string, readings: { ts: Date; temperature: number; humidity?: number }[]) {
  const response = await t.app.request('/ingest/v1/readings', {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      readings: readings.map((r) => ({
        ts: r.ts.toISOString(),
        temperature: r.temperature,
        humidity: r.humidity ?? 60,
        status: 'ok',
      })),
    }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as IngestResult;
}

const get = async <T>(path: string, headers = staff.headers) => {
  const response = await t.app.request(`/api/telemetry${path}`, { headers });
  return { status: response.status, body: (await response.json()) as T };
};

/** Whole hours back from the last full hour, so every reading is in the past. */
const hourStart = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 6 * 3_600_000;
const at = (minutes: number) => new Date(hourStart + minutes * 60_000);

describe('GET /api/telemetry/devices', () => {
  it('lists each device with its latest reading and state: reporting, silent, never reported, disabled', async () => {
    const reporting = await registerDevice(60);
    const silent = await registerDevice(60);
    const never = await registerDevice(60);
    const disabled = await registerDevice(60);
    await ingest(reporting.key, [
      { ts: new Date(Date.now() - 120_000), temperature: 9.4 },
      { ts: at(0), temperature: 1 },
    ]);
    await ingest(silent.key, [{ ts: new Date(Date.now() - 600_000), temperature: 5 }]);
    await t.app.request(`/api/staff/telemetry/devices/${disabled.device.id}`, {
      method: 'PATCH',
      headers: { ...staff.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ enabled: false }),
    });
    const { status, body } = await get<ListDeviceStatusResponse>('/devices?limit=100');
    expect(status).toBe(200);
    const byId = new Map(body.items.map((d) => [d.id, d]));
    expect(byId.get(reporting.device.id)).toMatchObject({
      state: 'reporting',
      latest: { temperature: 9.4, status: 'ok' },
    });
    expect(byId.get(silent.device.id)).toMatchObject({ state: 'silent', latest: { temperature: 5 } });
    expect(byId.get(never.device.id)).toMatchObject({ state: 'never_reported', latest: null });
    expect(byId.get(disabled.device.id)).toMatchObject({ state: 'disabled' });
  });

  it('is for staff and admins only: a customer gets 403', async () => {
    const customer = await t.signIn();
    expect((await get('/devices', customer.headers)).status).toBe(403);
    expect((await get(`/devices/${crypto.randomUUID()}/buckets`, customer.headers)).status).toBe(403);
  });
});

describe('a device’s readings', () => {
  it('pages raw readings of a range oldest first, each once', async () => {
    const { device, key } = await registerDevice();
    await ingest(
      key,
      Array.from({ length: 30 }, (_, i) => ({ ts: at(i), temperature: i })),
    );
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query = new URLSearchParams({ from: at(5).toISOString(), to: at(25).toISOString(), limit: '7' });
      if (cursor) query.set('cursor', cursor);
      const { status, body }: { status: number; body: ListDeviceReadingsResponse } = await get(
        `/devices/${device.id}/readings?${query}`,
      );
      expect(status).toBe(200);
      seen.push(...body.items.map((r) => r.temperature));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i + 5));
    expect(pages).toBe(3);
  });

  it('summarises buckets with gaps left empty, and a late reading moves its bucket at once', async () => {
    const { device, key } = await registerDevice();
    await ingest(key, [
      { ts: at(0), temperature: 4, humidity: 50 },
      { ts: at(30), temperature: 8, humidity: 70 },
      { ts: at(130), temperature: 6, humidity: 55 },
    ]);
    const path = `/devices/${device.id}/buckets?${new URLSearchParams({ from: at(0).toISOString(), to: at(180).toISOString(), width: '1h' })}`;
    const first = await get<DeviceBucketsResponse>(path);
    expect(first.status).toBe(200);
    expect(first.body.timeZone).toBe('Asia/Tokyo');
    expect(first.body.buckets.map((b) => [b.start, b.count])).toEqual([
      [at(0).toISOString(), 2],
      [at(60).toISOString(), 0],
      [at(120).toISOString(), 1],
    ]);
    expect(first.body.buckets[0]).toMatchObject({ temperature: { avg: 6, min: 4, max: 8 }, humidity: { avg: 60 } });
    expect(first.body.buckets[1]?.temperature).toEqual({ avg: null, min: null, max: null });
    await ingest(key, [{ ts: at(90), temperature: 2 }]);
    const second = await get<DeviceBucketsResponse>(path);
    expect(second.body.buckets.map((b) => b.count)).toEqual([2, 1, 1]);
    expect(second.body.buckets[1]?.temperature).toEqual({ avg: 2, min: 2, max: 2 });
  });

  it('cuts day buckets at midnight in Tokyo', async () => {
    const { device, key } = await registerDevice();
    const tokyoMidnight = Math.floor((Date.now() + 9 * 3_600_000) / 86_400_000) * 86_400_000 - 9 * 3_600_000;
    const before = new Date(tokyoMidnight - 60_000);
    const after = new Date(tokyoMidnight + 60_000);
    await ingest(key, [
      { ts: before, temperature: 1 },
      ...(after.getTime() < Date.now() ? [{ ts: after, temperature: 2 }] : []),
    ]);
    const query = new URLSearchParams({
      from: new Date(tokyoMidnight - 86_400_000).toISOString(),
      to: new Date(tokyoMidnight + 86_400_000).toISOString(),
      width: '1d',
    });
    const { body } = await get<DeviceBucketsResponse>(`/devices/${device.id}/buckets?${query}`);
    expect(body.buckets.map((b) => b.start)).toEqual([
      new Date(tokyoMidnight - 86_400_000).toISOString(),
      new Date(tokyoMidnight).toISOString(),
    ]);
    expect(body.buckets[0]).toMatchObject({ count: 1, temperature: { max: 1 } });
  });

  it('refuses a range that ends before it starts or holds too many buckets (400), and an unknown device (404)', async () => {
    const { device } = await registerDevice();
    const ask = (query: Record<string, string>) =>
      get<ErrorBody>(`/devices/${device.id}/buckets?${new URLSearchParams(query)}`);
    const backwards = await ask({ from: at(10).toISOString(), to: at(0).toISOString() });
    expect([backwards.status, backwards.body.error.details?.[0]?.path]).toEqual([400, 'from']);
    const tooMany = await ask({ from: at(-60 * 24 * 30).toISOString(), to: at(0).toISOString(), width: '1m' });
    expect([tooMany.status, tooMany.body.error.details?.[0]?.path]).toEqual([400, 'width']);
    const monthByHour = await ask({ from: at(-60 * 24 * 30).toISOString(), to: at(0).toISOString(), width: '1h' });
    expect(monthByHour.status).toBe(200);
    expect((await get(`/devices/${crypto.randomUUID()}/readings`)).status).toBe(404);
    expect((await get(`/devices/${crypto.randomUUID()}/buckets`)).status).toBe(404);
  });
});

describe('GET /api/telemetry/devices/{id}/readings.csv', () => {
  it('streams every reading of the range, past one page, as UTF-8 with BOM and CRLF, on Tokyo’s clock', async () => {
    const { device, key } = await registerDevice();
    const base = hourStart - 3 * 3_600_000;
    const batch = (offset: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({ ts: new Date(base + (offset + i) * 1000), temperature: 7.5 }));
    for (const [offset, n] of [
      [0, 500],
      [500, 500],
      [1000, 205],
    ] as const)
      await ingest(key, batch(offset, n));
    const query = new URLSearchParams({
      from: new Date(base).toISOString(),
      to: new Date(base + 3_600_000).toISOString(),
    });
    const response = await t.app.request(`/api/telemetry/devices/${device.id}/readings.csv?${query}`, {
      headers: staff.headers,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe('時刻 time (Asia/Tokyo),温度 temperature °C,湿度 humidity %RH,status,ts (UTC)');
    expect(lines).toHaveLength(1 + 1205 + 1);
    const tokyo = new Date(base + 9 * 3_600_000).toISOString().replace('T', ' ').replace('Z', '');
    expect(lines[1]).toBe(`${tokyo},7.5,60,ok,${new Date(base).toISOString()}`);
  });
});
