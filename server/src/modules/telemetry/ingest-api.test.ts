import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { sqlRows } from '../../platform/db/database.js';
import type { ErrorBody } from '../../platform/http/errors.js';
import { createRateLimiter } from '../../platform/http/rate-limiter.js';
import { createPostgresReadingsStore } from './adapters/postgres-readings-store.js';
import { checkDeviceKey, createDeviceKeyChecker, replaceDeviceKeys, revokeDeviceKeys } from './device-keys.js';
import { type IngestResult, ingestReadings } from './ingest-readings.js';
import type { RegisterDeviceResponse } from './routes/register-device.js';

let t: TestApp;
let staff: Awaited<ReturnType<TestApp['signIn']>>;
const ingestLimit = 6;
beforeAll(async () => {
  t = await createTestApp({ rateLimits: { ingest: { limit: ingestLimit, windowMs: 60_000 } } });
  staff = await t.signIn({ role: 'staff' });
});
afterAll(async () => {
  await t?.close();
});

async function registerDevice() {
  const response = await t.app.request('/api/staff/telemetry/devices', {
    method: 'POST',
    headers: { ...staff.headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      nameJa: '蔵2 セラー',
      nameEn: 'Storehouse 2 cellar',
      location: '蔵2 地下',
      kind: 'cellar',
      reportingIntervalSeconds: 60,
    }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as RegisterDeviceResponse;
}

const post = (key: string | undefined, body: unknown) =>
  t.app.request('/ingest/v1/readings', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key ? { Authorization: `Bearer ${key}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const ok = (ts: string, temperature = 8.5) => ({ ts, temperature, humidity: 65, status: 'ok' });
const storedCount = async (deviceId: string) =>
  (
    await sqlRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from telemetry.readings where device_id = ${deviceId}`,
    )
  )[0]?.n;
const codeOf = async (response: Response) => ((await response.json()) as ErrorBody).error.code;

describe('POST /ingest/v1/readings', () => {
  it('stores valid readings, reports each bad one by index and code, and counts repeats as duplicates', async () => {
    const { device, key } = await registerDevice();
    const first = minutesAgo(3);
    // The same instant written on Tokyo's clock: a duplicate by instant, not by spelling.
    const firstInTokyo = new Date(Date.parse(first) + 9 * 3_600_000).toISOString().replace('Z', '+09:00');
    const readings = [
      ok(first),
      { ...ok(minutesAgo(2)), temperature: 120 },
      { ...ok(minutesAgo(2)), humidity: -1 },
      { ...ok(minutesAgo(2)), status: 'OK!' },
      { ts: 'yesterday', temperature: 1, humidity: 1, status: 'ok' },
      ok(new Date(Date.now() + 10 * 60_000).toISOString()),
      ok(new Date(Date.now() - 401 * 86_400_000).toISOString()),
      { ...ok(minutesAgo(1)), battery: 3.1 },
      ok(firstInTokyo),
      ok(minutesAgo(1)),
    ];
    const response = await post(key, { readings });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const result = (await response.json()) as IngestResult;
    expect([result.accepted, result.duplicates]).toEqual([2, 1]);
    expect(result.rejected.map((r) => [r.index, r.code])).toEqual([
      [1, 'out_of_range'],
      [2, 'out_of_range'],
      [3, 'invalid_reading'],
      [4, 'invalid_reading'],
      [5, 'ts_in_future'],
      [6, 'ts_too_old'],
      [7, 'invalid_reading'],
    ]);
    expect(result.rejected[0]?.message).toMatch(/^temperature: /);
    expect(await storedCount(device.id)).toBe(2);

    // The whole batch again (a device retrying after a lost answer): nothing new.
    const again = (await (await post(key, { readings })).json()) as IngestResult;
    expect([again.accepted, again.duplicates, again.rejected.length]).toEqual([0, 3, 7]);
    expect(await storedCount(device.id)).toBe(2);
  });

  it('refuses a missing, malformed, unknown or revoked key with 401, and a disabled device with 403', async () => {
    const { device, key } = await registerDevice();
    const body = { readings: [ok(minutesAgo(1))] };
    for (const bad of [undefined, 'not a key', 'kura_dk_unknown', `${key}x`]) {
      const response = await post(bad, body);
      expect(response.status, String(bad)).toBe(401);
      expect(await codeOf(response)).toBe('UNAUTHENTICATED');
    }
    await t.app.request(`/api/staff/telemetry/devices/${device.id}`, {
      method: 'PATCH',
      headers: { ...staff.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ enabled: false }),
    });
    const disabled = await post(key, body);
    expect(disabled.status).toBe(403);
    expect(await codeOf(disabled)).toBe('DEVICE_DISABLED');
    const revoked = await registerDevice();
    await t.app.request(`/api/staff/telemetry/devices/${revoked.device.id}/keys`, {
      method: 'DELETE',
      headers: staff.headers,
    });
    expect((await post(revoked.key, body)).status).toBe(401);
    expect(await storedCount(device.id)).toBe(0);
    expect(await storedCount(revoked.device.id)).toBe(0);
  });

  it('refuses a key that just worked from the very next request after revoking, rotating without grace or disabling', async () => {
    const staffSend = (method: string, path: string, body?: unknown) =>
      t.app.request(`/api/staff/telemetry/devices/${path}`, {
        method,
        headers: { ...staff.headers, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const changes = [
      { change: (id: string) => staffSend('DELETE', `${id}/keys`), status: 401 },
      { change: (id: string) => staffSend('POST', `${id}/keys`, { graceSeconds: 0 }), status: 401 },
      { change: (id: string) => staffSend('PATCH', id, { enabled: false }), status: 403 },
    ];
    for (const [n, { change, status }] of changes.entries()) {
      const { device, key } = await registerDevice();
      // Twice, so the key is remembered (the second is answered from the cache).
      expect((await post(key, { readings: [ok(minutesAgo(3 + n))] })).status).toBe(200);
      expect((await post(key, { readings: [ok(minutesAgo(2 + n))] })).status).toBe(200);
      expect([200, 201]).toContain((await change(device.id)).status);
      expect((await post(key, { readings: [ok(minutesAgo(1))] })).status, `change ${n}`).toBe(status);
      expect(await storedCount(device.id)).toBe(2);
    }
  });

  it('writes only as the key’s device: readings land on it, never on another', async () => {
    const [a, b] = [await registerDevice(), await registerDevice()];
    const response = await post(a.key, { readings: [ok(minutesAgo(1))], deviceId: b.device.id });
    // The body names no device; an extra top-level field is ignored, the key decides.
    expect(response.status).toBe(200);
    expect([await storedCount(a.device.id), await storedCount(b.device.id)]).toEqual([1, 0]);
  });

  it('answers 400 for a body that is not JSON or holds no readings, 413 past 500 readings or 256 KB; nothing stored', async () => {
    const { device, key } = await registerDevice();
    const notJson = await post(key, '{"readings": [');
    expect([notJson.status, await codeOf(notJson)]).toEqual([400, 'MALFORMED_REQUEST']);
    for (const body of [{}, { readings: [] }, { readings: 'many' }]) {
      const response = await post(key, body);
      expect([response.status, await codeOf(response)], JSON.stringify(body)).toEqual([400, 'VALIDATION_FAILED']);
    }
    const base = Date.now() - 600 * 60_000;
    const many = Array.from({ length: 501 }, (_, i) => ok(new Date(base + i * 1000).toISOString()));
    const tooMany = await post(key, { readings: many });
    expect([tooMany.status, await codeOf(tooMany)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const huge = await post(key, { readings: [ok(minutesAgo(1))], padding: 'x'.repeat(300 * 1024) });
    expect([huge.status, await codeOf(huge)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(await storedCount(device.id)).toBe(0);
    const exactly500 = (await (await post(key, { readings: many.slice(0, 500) })).json()) as IngestResult;
    expect(exactly500).toEqual({ accepted: 500, duplicates: 0, rejected: [] });
  });

  it('limits each device’s requests (429 with Retry-After) without slowing another device', async () => {
    const [busy, quiet] = [await registerDevice(), await registerDevice()];
    const statuses: number[] = [];
    for (let i = 0; i < ingestLimit + 2; i++) {
      const response = await post(busy.key, { readings: [ok(minutesAgo(i + 1))] });
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([...Array(ingestLimit).fill(200), 429, 429]);
    expect((await post(quiet.key, { readings: [ok(minutesAgo(1))] })).status).toBe(200);
    expect(await storedCount(busy.device.id)).toBe(ingestLimit);
  });
});

describe('ingestReadings, the handler without HTTP (as a Lambda will run it), on a controlled clock', () => {
  it('accepts a replaced key through its grace period and refuses it after (401)', async () => {
    const { key, device } = await registerDevice();
    await t.app.request(`/api/staff/telemetry/devices/${device.id}/keys`, {
      method: 'POST',
      headers: { ...staff.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ graceSeconds: 300 }),
    });
    const handlerAt = (now: Date) => (body: unknown) =>
      ingestReadings(
        {
          readings: createPostgresReadingsStore(t.database.db),
          checkKey: (params) => checkDeviceKey(t.database.db, params),
          limiter: createRateLimiter({ limit: 100, windowMs: 60_000 }),
          // This device has no alert rules: there is nothing to evaluate.
          readingsStored: async () => {},
          now: () => now,
        },
        { authorization: `Bearer ${key}`, body: JSON.stringify(body) },
      );
    const inGrace = new Date(Date.now() + 290_000);
    const pastGrace = new Date(Date.now() + 310_000);
    const accepted = await handlerAt(inGrace)({ readings: [ok(inGrace.toISOString())] });
    expect(accepted).toEqual({ status: 200, body: { accepted: 1, duplicates: 0, rejected: [] } });
    const refused = await handlerAt(pastGrace)({ readings: [ok(pastGrace.toISOString())] });
    expect(refused.status === 'error' && refused.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('concurrent ingest of one device (proven on the real server when DATABASE_URL is set)', () => {
  it('loses and double-counts no reading when overlapping batches of one device arrive at once, each twice', {
    timeout: 120_000,
  }, async () => {
    const { key, device } = await registerDevice();
    const deps = {
      readings: createPostgresReadingsStore(t.database.db),
      checkKey: createDeviceKeyChecker(t.database.db).check,
      limiter: createRateLimiter({ limit: 1_000, windowMs: 60_000 }),
      readingsStored: async () => {},
      now: () => new Date(),
    };
    const start = Date.now() - 3_600_000;
    // 10 batches of 200 readings a second apart, each overlapping the next by 100: 1,100 distinct instants.
    const bodies = Array.from({ length: 10 }, (_, b) =>
      JSON.stringify({
        readings: Array.from({ length: 200 }, (_, i) =>
          ok(new Date(start + (b * 100 + i) * 1000).toISOString(), 4 + ((b * 100 + i) % 50) / 10),
        ),
      }),
    );
    const answers = await Promise.all(
      [...bodies, ...bodies].map((body) => ingestReadings(deps, { authorization: `Bearer ${key}`, body })),
    );
    const results = answers.map((a) => (a.status === 200 ? a.body : undefined));
    expect(results.every((r) => r !== undefined && r.rejected.length === 0)).toBe(true);
    const accepted = results.reduce((sum, r) => sum + (r?.accepted ?? 0), 0);
    const duplicates = results.reduce((sum, r) => sum + (r?.duplicates ?? 0), 0);
    expect(accepted).toBe(1_100);
    expect(accepted + duplicates).toBe(2 * 10 * 200);
    const [stored] = await sqlRows<{ n: number; distinct: number; sum: number }>(
      t.database.db,
      sql`select count(*)::int as n, count(distinct ts)::int as distinct, sum(temperature)::float8 as sum
          from telemetry.readings where device_id = ${device.id}`,
    );
    const expectedSum = Array.from({ length: 1_100 }, (_, n) => 4 + (n % 50) / 10).reduce((a, b) => a + b, 0);
    expect(stored).toMatchObject({ n: 1_100, distinct: 1_100 });
    expect(stored?.sum).toBeCloseTo(expectedSum, 6);
  });
});

describe('the device key cache, on a controlled clock', () => {
  it('honours a revocation made elsewhere (another process) within its TTL, and a key’s own expiry at once', async () => {
    const { key, device } = await registerDevice();
    const ttlMs = 5_000;
    const checker = createDeviceKeyChecker(t.database.db, { ttlMs });
    const t0 = new Date();
    const at = (ms: number) => new Date(t0.getTime() + ms);
    expect(await checker.check({ secret: key, now: t0 })).toEqual({ kind: 'device', deviceId: device.id });
    // Revoked behind this checker's back, as the api would for an ingest Lambda: not seen until the TTL ends …
    await revokeDeviceKeys(t.database.db, { deviceId: device.id, now: at(1) });
    expect(await checker.check({ secret: key, now: at(ttlMs - 1) })).toEqual({ kind: 'device', deviceId: device.id });
    // … and refused from then on.
    expect(await checker.check({ secret: key, now: at(ttlMs) })).toEqual({ kind: 'unknown' });
    expect(await checker.check({ secret: key, now: at(ttlMs + 1) })).toEqual({ kind: 'unknown' });

    // A key in its rotation grace is remembered no longer than the grace lasts.
    const other = await registerDevice();
    const replaced = await replaceDeviceKeys(t.database.db, { deviceId: other.device.id, now: t0, graceSeconds: 2 });
    expect(await checker.check({ secret: other.key, now: at(1_000) })).toEqual({
      kind: 'device',
      deviceId: other.device.id,
    });
    expect(await checker.check({ secret: other.key, now: at(2_000) })).toEqual({ kind: 'unknown' });
    expect(await checker.check({ secret: replaced.secret, now: at(2_000) })).toEqual({
      kind: 'device',
      deviceId: other.device.id,
    });
    // Forgetting the device makes the next check ask the database.
    await revokeDeviceKeys(t.database.db, { deviceId: other.device.id, now: at(2_001) });
    checker.forget(other.device.id);
    expect(await checker.check({ secret: replaced.secret, now: at(2_002) })).toEqual({ kind: 'unknown' });
  });
});

describe('the device key cache and a lookup in flight', () => {
  /** The database, with every select's answer held back until `gate` opens (the query itself runs at once). */
  function heldAnswers(db: TestApp['database']['db'], gate: Promise<void>): TestApp['database']['db'] {
    const hold = (builder: object): object =>
      new Proxy(builder, {
        get(target, name, receiver) {
          const value = Reflect.get(target, name, receiver);
          if (name === 'then') {
            return (resolve: (v: unknown) => void, reject: (e: unknown) => void) =>
              (target as PromiseLike<unknown>)
                .then(async (rows) => {
                  await gate;
                  return rows;
                })
                .then(resolve, reject);
          }
          return typeof value === 'function' ? (...args: unknown[]) => hold(value.apply(target, args)) : value;
        },
      });
    return new Proxy(db, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        return name === 'select' ? (...args: unknown[]) => hold(value.apply(target, args)) : value;
      },
    });
  }

  it('does not remember a key read before the device was forgotten (revoked while the lookup was answering)', async () => {
    const { key, device } = await registerDevice();
    let open!: () => void;
    const checker = createDeviceKeyChecker(
      heldAnswers(t.database.db, new Promise<void>((resolve) => (open = resolve))),
    );
    const now = new Date();
    // The lookup reads the live key; its answer is still on its way when the api revokes and forgets the device.
    const inFlight = checker.check({ secret: key, now });
    await revokeDeviceKeys(t.database.db, { deviceId: device.id, now });
    checker.forget(device.id);
    open();
    expect(await inFlight).toEqual({ kind: 'device', deviceId: device.id });
    // The next request asks the database, which says the key is revoked.
    expect(await checker.check({ secret: key, now })).toEqual({ kind: 'unknown' });
  });
});
