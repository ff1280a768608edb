import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventPump } from '../../test/event-pump.js';
import { asUser } from '../../test/shop-fixtures.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { users } from '../modules/identity/schema.js';
import { type AlertRaised, telemetryEvents } from '../modules/telemetry/public.js';
import type { AlertRuleResponse } from '../modules/telemetry/routes/alert-rules.js';
import type { RegisterDeviceResponse } from '../modules/telemetry/routes/register-device.js';
import type { Todo } from '../modules/todos/api-schemas.js';
import { sqlRows } from '../platform/db/database.js';
import { createEnvelope } from '../platform/events/envelope.js';
import { scheduledJobs } from './scheduled-jobs.js';

/**
 * Alerts to staff tasks end to end in one process: readings through the real
 * ingest endpoint, the in-process evaluation, the outbox, the relay and the
 * consumer (pumped by hand), on PGlite or the real server (DATABASE_URL).
 */

let t: TestApp;
let pump: ReturnType<typeof createEventPump>;
let ja: ReturnType<typeof asUser>;
let en: ReturnType<typeof asUser>;
let customer: ReturnType<typeof asUser>;
beforeAll(async () => {
  t = await createTestApp();
  pump = createEventPump(t);
  ja = asUser(t, (await t.signIn({ role: 'staff' })).headers);
  const english = await t.signIn({ role: 'admin' });
  await t.database.db.update(users).set({ locale: 'en' }).where(eq(users.id, english.userId));
  en = asUser(t, english.headers);
  customer = asUser(t, (await t.signIn()).headers);
});
afterAll(async () => {
  await t?.close();
});

const minute = 60_000;

async function deviceWithRule(rule: object) {
  const { body: created } = await ja.json<RegisterDeviceResponse>('POST', '/api/staff/telemetry/devices', {
    nameJa: '蔵1 冷蔵庫',
    nameEn: 'Storehouse 1 fridge',
    location: '蔵1 冷蔵庫',
    kind: 'fridge',
    reportingIntervalSeconds: 60,
  });
  const { status, body } = await ja.json<AlertRuleResponse>(
    'POST',
    `/api/telemetry/devices/${created.device.id}/alert-rules`,
    rule,
  );
  expect(status).toBe(201);
  return { deviceId: created.device.id, key: created.key, rule: body };
}

/** Readings at instants relative to `base`, through the device API. */
async function post(key: string, base: number, points: [minute: number, temperature: number][]) {
  const response = await t.app.request('/ingest/v1/readings', {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      readings: points.map(([m, temperature]) => ({
        ts: new Date(base + m * minute).toISOString(),
        temperature,
        humidity: 60,
        status: 'ok',
      })),
    }),
  });
  expect(response.status).toBe(200);
}

async function alertTasks(api: ReturnType<typeof asUser>, deviceId: string) {
  const { body } = await api.json<{ items: Todo[] }>('GET', '/api/todos?limit=100');
  return body.items.filter((todo) => todo.link === `/admin/telemetry/${deviceId}`);
}

async function raisedPayloads(deviceId: string) {
  const rows = await sqlRows<{ payload: AlertRaised }>(
    t.database.db,
    sql`select payload from platform.outbox where key = ${deviceId} and type = 'AlertRaised' order by seq`,
  );
  return rows.map((r) => r.payload);
}

/** Another copy of AlertRaised, as a redelivery brings it. */
const redelivery = (payload: AlertRaised) =>
  createEnvelope({ event: telemetryEvents.AlertRaised, key: payload.deviceId, payload });

describe('alert tasks', () => {
  it('a breach gives each staff member one task in their language; recovery completes it by itself', async () => {
    const { deviceId, key } = await deviceWithRule({
      kind: 'above',
      metric: 'temperature',
      threshold: 8,
      clearThreshold: 7,
      forSeconds: 600,
    });
    const base = Date.now() - 60 * minute;
    await post(key, base, [
      [0, 8.6],
      [6, 9.1],
      [12, 9.4],
    ]);
    await pump.pump();
    expect((await alertTasks(ja, deviceId)).map((todo) => [todo.title, todo.completed])).toEqual([
      ['蔵1 冷蔵庫: 9.4 °C が 12 分続いています', false],
    ]);
    expect((await alertTasks(en, deviceId)).map((todo) => todo.title)).toEqual([
      'Storehouse 1 fridge: 9.4 °C for 12 minutes (above 8 °C)',
    ]);
    expect(await alertTasks(customer, deviceId)).toEqual([]);
    // the operations metric moves with it (t.metrics is this test's own store)
    const raised = t.metrics.query({
      metric: 'AlertsRaised',
      statistic: 'Sum',
      periodSeconds: 3600,
      from: Date.now() - 3_600_000,
      to: Date.now() + 60_000,
    });
    expect(raised.reduce((n, d) => n + d.value, 0)).toBe(1);

    // Between the thresholds: still raised (hysteresis), the task stays open.
    await post(key, base, [[14, 7.5]]);
    await pump.pump();
    expect((await alertTasks(ja, deviceId)).map((todo) => todo.completed)).toEqual([false]);
    await post(key, base, [[16, 6.8]]);
    await pump.pump();
    expect((await alertTasks(ja, deviceId)).map((todo) => todo.completed)).toEqual([true]);
    expect((await alertTasks(en, deviceId)).map((todo) => todo.completed)).toEqual([true]);
  });

  it('a duplicated AlertRaised adds nothing; a late one after the clear neither reopens nor adds a task', async () => {
    const { deviceId, key } = await deviceWithRule({
      kind: 'above',
      metric: 'temperature',
      threshold: 8,
      forSeconds: 0,
    });
    const base = Date.now() - 30 * minute;
    await post(key, base, [[0, 12]]);
    await pump.pump();
    const [raised] = await raisedPayloads(deviceId);
    if (!raised) throw new Error('no AlertRaised');
    await pump.dispatch(redelivery(raised));
    await pump.dispatch(redelivery(raised));
    expect(await alertTasks(ja, deviceId)).toHaveLength(1);

    // A reading posted twice (the device retried) and a late one change nothing either.
    await post(key, base, [[0, 12]]);
    await post(key, base, [[5, 3]]);
    await post(key, base, [[2, 20]]);
    await pump.pump();
    expect(await raisedPayloads(deviceId)).toHaveLength(1);
    expect((await alertTasks(ja, deviceId)).map((todo) => todo.completed)).toEqual([true]);

    // Someone who joined after the clear gets nothing from a late redelivery; the others' stay done.
    const newcomer = asUser(t, (await t.signIn({ role: 'staff' })).headers);
    await pump.dispatch(redelivery(raised));
    expect(await alertTasks(newcomer, deviceId)).toEqual([]);
    expect((await alertTasks(ja, deviceId)).map((todo) => todo.completed)).toEqual([true]);
  });

  it('silence: the scheduled job raises "no reading for N minutes" once; the next reading clears it', async () => {
    const { deviceId, key, rule } = await deviceWithRule({ kind: 'silence', forSeconds: 900 });
    // After the rule was made, so the silence counts from this reading.
    const lastSeen = Date.now();
    await post(key, lastSeen, [[0, 5]]);
    const job = (now: Date) => {
      const found = scheduledJobs({ db: t.database.db, now: () => now }).find((j) => j.name === 'raise-silent-alerts');
      if (!found) throw new Error('no silence job');
      return found.run(new AbortController().signal);
    };
    expect(await job(new Date(lastSeen + 14 * minute))).toEqual({ raised: 0 });
    expect(await job(new Date(lastSeen + 20 * minute))).toEqual({ raised: 1 });
    expect(await job(new Date(lastSeen + 30 * minute))).toEqual({ raised: 0 });
    await pump.pump();
    expect((await alertTasks(ja, deviceId)).map((todo) => todo.title)).toEqual([
      '蔵1 冷蔵庫: 20 分間 報告がありません',
    ]);
    expect((await alertTasks(en, deviceId)).map((todo) => todo.title)).toEqual([
      'Storehouse 1 fridge: no reading for 20 minutes',
    ]);
    const { body } = await ja.json<{ items: AlertRuleResponse[] }>(
      'GET',
      `/api/telemetry/devices/${deviceId}/alert-rules`,
    );
    expect(body.items.find((r) => r.id === rule.id)?.phase).toBe('raised');

    await post(key, lastSeen, [[1, 5]]);
    await pump.pump();
    expect((await alertTasks(ja, deviceId)).map((todo) => todo.completed)).toEqual([true]);
  });
});
