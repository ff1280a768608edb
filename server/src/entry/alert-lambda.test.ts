import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import {
  createAlertQueueHandler,
  createPostgresReadingsStore,
  type ReadingsStore,
} from '../modules/telemetry/public.js';
import type { RegisterDeviceResponse } from '../modules/telemetry/routes/register-device.js';
import { alertRules } from '../modules/telemetry/schema.js';
import { sqlRows } from '../platform/db/database.js';

/**
 * The alert Lambda's batch handler, called directly with SQS event objects as
 * the Lambda service would pass them (the Lambda runtime and SQS are not run
 * here), against PGlite or the real PostgreSQL server (DATABASE_URL).
 */

let t: TestApp;
let staff: Awaited<ReturnType<TestApp['signIn']>>;
let handle: ReturnType<typeof createAlertQueueHandler>;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.signIn({ role: 'staff' });
  handle = createAlertQueueHandler({ db: t.database.db, readings: createPostgresReadingsStore(t.database.db) });
});
afterAll(async () => {
  await t?.close();
});

const minute = 60_000;
const base = Date.now() - 60 * minute;
const at = (m: number) => new Date(base + m * minute);

async function deviceWithWarmRule() {
  const response = await t.app.request('/api/staff/telemetry/devices', {
    method: 'POST',
    headers: { ...staff.headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      nameJa: '蔵1 冷蔵庫',
      nameEn: 'Storehouse 1 fridge',
      location: '蔵1 冷蔵庫',
      kind: 'fridge',
      reportingIntervalSeconds: 60,
    }),
  });
  expect(response.status).toBe(201);
  const { device } = (await response.json()) as RegisterDeviceResponse;
  await t.database.db.insert(alertRules).values({
    deviceId: device.id,
    kind: 'above',
    metric: 'temperature',
    threshold: 8,
    clearThreshold: 7,
    forSeconds: 600,
    createdBy: staff.userId,
  });
  return { deviceId: device.id };
}

/**
 * Readings straight into the store, as the ingest Lambda stores them on AWS before it sends the
 * queue message (locally, ingest would evaluate them in process, and this test would see nothing new).
 */
async function postReadings(deviceId: string, points: [minute: number, temperature: number][]) {
  await createPostgresReadingsStore(t.database.db).append({
    deviceId,
    readings: points.map(([m, temperature]) => ({ ts: at(m), temperature, humidity: 60, status: 'ok' })),
  });
}

let messages = 0;
function record(body: unknown): SQSRecord {
  messages++;
  return {
    messageId: `00000000-0000-4000-8000-${String(messages).padStart(12, '0')}`,
    receiptHandle: `receipt-${messages}`,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: String(Date.now()),
      SenderId: 'AIDATEST',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:ap-northeast-1:123456789012:kura-alerts',
    awsRegion: 'ap-northeast-1',
  };
}
const sqsEvent = (...records: SQSRecord[]): SQSEvent => ({ Records: records });
const span = (deviceId: string, from: number, to: number) => ({
  deviceId,
  from: at(from).toISOString(),
  to: at(to).toISOString(),
});

const alertsOf = (deviceId: string) =>
  sqlRows<{ raised_value: number; cleared_at: string | null }>(
    t.database.db,
    sql`select raised_value, cleared_at from telemetry.alerts where device_id = ${deviceId} order by raised_at`,
  );
const outboxOf = (deviceId: string) =>
  sqlRows<{ type: string; payload: { alertId: string; value?: number } }>(
    t.database.db,
    sql`select type, payload from platform.outbox where key = ${deviceId} order by seq`,
  );

describe('alert Lambda handler (fake SQS event objects; the Lambda runtime is not run)', () => {
  it('evaluates each message’s readings: raises once, clears, and a redelivered message changes nothing', async () => {
    const { deviceId } = await deviceWithWarmRule();
    await postReadings(deviceId, [
      [0, 8.5],
      [5, 9],
      [12, 9.4],
    ]);
    const first = record(span(deviceId, 0, 12));
    expect(await handle(sqsEvent(first))).toEqual({ batchItemFailures: [] });
    expect(await alertsOf(deviceId)).toEqual([{ raised_value: 9.4, cleared_at: null }]);

    // The same message again (SQS delivers at least once) and a late one for an older span.
    expect(await handle(sqsEvent(first, record(span(deviceId, 0, 5))))).toEqual({ batchItemFailures: [] });
    expect(await alertsOf(deviceId)).toHaveLength(1);

    await postReadings(deviceId, [
      [13, 6.5],
      [14, 6.4],
    ]);
    expect(await handle(sqsEvent(record(span(deviceId, 13, 14))))).toEqual({ batchItemFailures: [] });
    const [alert] = await alertsOf(deviceId);
    expect(alert?.cleared_at).not.toBeNull();
    const events = await outboxOf(deviceId);
    expect(events.map((e) => e.type)).toEqual(['AlertRaised', 'AlertCleared']);
    expect(events[0]?.payload).toMatchObject({ value: 9.4, deviceNameJa: '蔵1 冷蔵庫', kind: 'above' });
    expect(events[1]?.payload.alertId).toBe(events[0]?.payload.alertId);
  });

  it('reports only the records that failed: a malformed body, an unknown shape, a store that fails for one device', async () => {
    const healthy = await deviceWithWarmRule();
    const broken = await deviceWithWarmRule();
    await postReadings(healthy.deviceId, [
      [0, 9],
      [10, 9],
    ]);
    await postReadings(broken.deviceId, [
      [0, 9],
      [10, 9],
    ]);
    const store = createPostgresReadingsStore(t.database.db);
    // A stand-in for an unreachable readings store (DynamoDB throttling, a network fault) for one device.
    const failing: ReadingsStore = {
      ...store,
      list: (params) =>
        params.deviceId === broken.deviceId ? Promise.reject(new Error('store unreachable')) : store.list(params),
    };
    const handleWithFailingStore = createAlertQueueHandler({ db: t.database.db, readings: failing });
    const good = record(span(healthy.deviceId, 0, 10));
    const notJson = record('{"deviceId":');
    const wrongShape = record({ device: healthy.deviceId });
    const backwards = record(span(healthy.deviceId, 10, 0));
    const unreachable = record(span(broken.deviceId, 0, 10));
    const answer = await handleWithFailingStore(sqsEvent(good, notJson, wrongShape, backwards, unreachable));
    expect(answer.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(
      [notJson, wrongShape, backwards, unreachable].map((r) => r.messageId).sort(),
    );
    expect(await alertsOf(healthy.deviceId)).toHaveLength(1);
    expect(await alertsOf(broken.deviceId)).toEqual([]);

    // SQS redelivers the failed one; with the store back it succeeds and raises once.
    expect(await handle(sqsEvent(unreachable))).toEqual({ batchItemFailures: [] });
    expect(await alertsOf(broken.deviceId)).toHaveLength(1);
  });
});
