import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { sqlRows } from '../../platform/db/database.js';
import type { ErrorBody } from '../../platform/http/errors.js';
import type { AlertRuleListResponse, AlertRuleResponse } from './routes/alert-rules.js';
import type { AlertListResponse } from './routes/device-alerts.js';
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

const send = (method: string, path: string, body?: unknown, headers = staff.headers) =>
  t.app.request(path, {
    method,
    headers: { ...headers, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function registerDevice() {
  const response = await send('POST', '/api/staff/telemetry/devices', {
    nameJa: '蔵1 冷蔵庫',
    nameEn: 'Storehouse 1 fridge',
    location: '蔵1 冷蔵庫',
    kind: 'fridge',
    reportingIntervalSeconds: 60,
  });
  expect(response.status).toBe(201);
  return (await response.json()) as RegisterDeviceResponse;
}

const warm = { kind: 'above', metric: 'temperature', threshold: 8, clearThreshold: 7, forSeconds: 600 };
const rulesPath = (deviceId: string) => `/api/telemetry/devices/${deviceId}/alert-rules`;

async function post(key: string, points: [msAgo: number, temperature: number][]) {
  const response = await t.app.request('/ingest/v1/readings', {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      readings: points.map(([ago, temperature]) => ({
        ts: new Date(Date.now() - ago).toISOString(),
        temperature,
        humidity: 60,
        status: 'ok',
      })),
    }),
  });
  expect(response.status).toBe(200);
}

const auditOf = (deviceId: string) =>
  sqlRows<{ action: string; before: unknown; after: unknown }>(
    t.database.db,
    sql`select action, before, after from identity.audit_log
        where subject_type = 'telemetry_device' and subject_id = ${deviceId} and action like 'telemetry_alert_rule.%'
        order by at, id`,
  );

describe('alert rules API', () => {
  it('creates, lists, replaces and removes rules, each change audited under the device', async () => {
    const { device } = await registerDevice();
    const created = await send('POST', rulesPath(device.id), warm);
    expect(created.status).toBe(201);
    const rule = (await created.json()) as AlertRuleResponse;
    expect(rule).toMatchObject({ ...warm, clearForSeconds: 0, enabled: true, phase: 'ok', openAlertId: null });
    expect(created.headers.get('Location')).toBe(`${rulesPath(device.id)}/${rule.id}`);

    const silence = await send('POST', rulesPath(device.id), { kind: 'silence', forSeconds: 900 });
    expect(silence.status).toBe(201);
    expect(await silence.json()).toMatchObject({ kind: 'silence', metric: null, threshold: null, forSeconds: 900 });

    const listed = (await (await send('GET', rulesPath(device.id))).json()) as AlertRuleListResponse;
    expect(listed.items.map((r) => r.kind)).toEqual(['above', 'silence']);

    const replaced = await send('PUT', `${rulesPath(device.id)}/${rule.id}`, {
      ...warm,
      threshold: 10,
      clearThreshold: 9,
    });
    expect(replaced.status).toBe(200);
    expect(await replaced.json()).toMatchObject({ id: rule.id, threshold: 10, clearThreshold: 9 });

    expect((await send('DELETE', `${rulesPath(device.id)}/${rule.id}`)).status).toBe(204);
    expect((await send('DELETE', `${rulesPath(device.id)}/${rule.id}`)).status).toBe(404);
    const audit = await auditOf(device.id);
    expect(audit.map((a) => a.action)).toEqual([
      'telemetry_alert_rule.created',
      'telemetry_alert_rule.created',
      'telemetry_alert_rule.changed',
      'telemetry_alert_rule.removed',
    ]);
    expect(audit[2]).toMatchObject({
      before: expect.objectContaining({ threshold: 8 }),
      after: expect.objectContaining({ threshold: 10 }),
    });
  });

  it('refuses rules that cannot work with 400 VALIDATION_FAILED and writes nothing', async () => {
    const { device } = await registerDevice();
    const bad = [
      { ...warm, clearThreshold: 9 }, // an above-rule that would clear while still too warm
      { ...warm, kind: 'below', clearThreshold: 7 }, // a below-rule that would clear while still too cold
      { ...warm, metric: 'pressure' },
      { ...warm, metric: 'humidity', threshold: 120, clearThreshold: 90 },
      { ...warm, forSeconds: -1 },
      { ...warm, forSeconds: 90_000 },
      { kind: 'silence', forSeconds: 30 },
      { kind: 'silence', forSeconds: 900, threshold: 8 },
      { kind: 'hot', forSeconds: 60 },
      {},
    ];
    for (const body of bad) {
      const response = await send('POST', rulesPath(device.id), body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as ErrorBody).error.code).toBe('VALIDATION_FAILED');
    }
    const listed = (await (await send('GET', rulesPath(device.id))).json()) as AlertRuleListResponse;
    expect(listed.items).toEqual([]);
    expect(await auditOf(device.id)).toEqual([]);
  });

  it('names each refused rule in a stable detail code, so the rule editor can word it', async () => {
    const { device } = await registerDevice();
    const cases: [body: object, path: string, code: string][] = [
      [{ ...warm, clearThreshold: 9 }, 'clearThreshold', 'CLEAR_THRESHOLD_WRONG_SIDE'],
      [{ ...warm, kind: 'below', clearThreshold: 7 }, 'clearThreshold', 'CLEAR_THRESHOLD_WRONG_SIDE'],
      [{ ...warm, metric: 'humidity', threshold: 120, clearThreshold: 90 }, 'threshold', 'out_of_range'],
      [{ ...warm, forSeconds: 90_000 }, 'forSeconds', 'too_big'],
    ];
    for (const [body, path, code] of cases) {
      const response = await send('POST', rulesPath(device.id), body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as ErrorBody).error.details).toContainEqual(
        expect.objectContaining({ path, code }),
      );
    }
  });

  it('answers 404 for an unknown device and for a rule of another device; 403 for a customer', async () => {
    const { device } = await registerDevice();
    const other = await registerDevice();
    const rule = (await (await send('POST', rulesPath(other.device.id), warm)).json()) as AlertRuleResponse;
    const nobody = crypto.randomUUID();
    expect((await send('GET', rulesPath(nobody))).status).toBe(404);
    expect((await send('POST', rulesPath(nobody), warm)).status).toBe(404);
    expect((await send('GET', `/api/telemetry/devices/${nobody}/alerts`)).status).toBe(404);
    expect((await send('PUT', `${rulesPath(device.id)}/${rule.id}`, warm)).status).toBe(404);
    expect((await send('DELETE', `${rulesPath(device.id)}/${rule.id}`)).status).toBe(404);
    const customer = await t.signIn();
    expect((await send('GET', rulesPath(device.id), undefined, customer.headers)).status).toBe(403);
  });

  it('history: ingest raises an alert; changing the rule clears it (rule_changed); newest first, paged', async () => {
    const { device, key } = await registerDevice();
    const rule = (await (await send('POST', rulesPath(device.id), warm)).json()) as AlertRuleResponse;
    const minute = 60_000;
    await post(key, [
      [30 * minute, 9],
      [18 * minute, 9.4],
    ]);
    const history = async (query = '') =>
      (await (await send('GET', `/api/telemetry/devices/${device.id}/alerts${query}`)).json()) as AlertListResponse;
    const [open] = (await history()).items;
    expect(open).toMatchObject({ ruleId: rule.id, raisedValue: 9.4, clearedAt: null, kind: 'above', threshold: 8 });
    const listed = (await (await send('GET', rulesPath(device.id))).json()) as AlertRuleListResponse;
    expect(listed.items[0]).toMatchObject({ phase: 'raised', openAlertId: open?.id });
    // The devices list carries the open alert, so the list can show it without a request per device.
    const openAlertsOf = async () => {
      const list = (await (await send('GET', '/api/telemetry/devices?limit=100')).json()) as ListDeviceStatusResponse;
      return list.items.find((d) => d.id === device.id)?.openAlerts;
    };
    expect(await openAlertsOf()).toEqual([open]);

    await send('PUT', `${rulesPath(device.id)}/${rule.id}`, { ...warm, threshold: 9.5, clearThreshold: 9 });
    expect((await history()).items[0]).toMatchObject({ id: open?.id, clearedBecause: 'rule_changed' });
    expect(await openAlertsOf()).toEqual([]);
    // Under the new rule a later breach is a new alert.
    await post(key, [
      [15 * minute, 10],
      [4 * minute, 10.2],
    ]);
    const page1 = await history('?limit=1');
    expect(page1.items[0]).toMatchObject({ raisedValue: 10.2, clearedAt: null });
    const page2 = await history(`?limit=1&cursor=${page1.nextCursor}`);
    expect(page2.items.map((a) => a.id)).toEqual([open?.id]);
    expect(page2.nextCursor).toBeNull();
  });
});
