import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asUser } from '../../../test/shop-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { auditLog } from '../../modules/identity/schema.js';
import type { ErrorBody } from '../http/errors.js';
import { createFaultSwitches, createInProcessFaultStore, type FaultSwitches, faultTargets } from './fault-switches.js';
import type { FaultSwitchesResponse, FaultSwitchResponse } from './fault-switches-router.js';

let t: TestApp;
let faults: FaultSwitches;
let staff: ReturnType<typeof asUser>;
let staffId: string;
beforeAll(async () => {
  // The dice always fall under the rate: a failure rate of 1 and of 0.5 both fail every time here.
  faults = createFaultSwitches({ store: createInProcessFaultStore(), refreshMs: 0, random: () => 0 });
  t = await createTestApp({ demoData: true, faults });
  const signedIn = await t.signIn({ role: 'staff' });
  staff = asUser(t, signedIn.headers);
  staffId = signedIn.userId;
});
afterAll(async () => {
  await t?.close();
});
beforeEach(async () => {
  for (const target of faultTargets) await faults.set(target, { latencyMs: 0, failureRate: 0 });
});

const flip = (target: string, setting: unknown) =>
  staff.json<FaultSwitchResponse | ErrorBody>('PUT', `/api/staff/faults/${target}`, setting);

describe('GET /api/staff/faults', () => {
  it('lists every switch, all off by default, and where they are kept', async () => {
    const fresh = await createTestApp();
    try {
      const me = asUser(fresh, (await fresh.signIn({ role: 'admin' })).headers);
      const list = await me.json<FaultSwitchesResponse>('GET', '/api/staff/faults');
      expect(list.status).toBe(200);
      expect(list.body.store).toBe('in-process');
      expect(list.body.items.map((s) => s.target)).toEqual([...faultTargets]);
      expect(list.body.items.every((s) => !s.on && s.latencyMs === 0 && s.failureRate === 0)).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it('is refused to customers (403)', async () => {
    const customer = asUser(t, (await t.signIn()).headers);
    const list = await customer.json<ErrorBody>('GET', '/api/staff/faults');
    expect(list.status).toBe(403);
    expect(list.body.error.code).toBe('FORBIDDEN');
    const put = await customer.json<ErrorBody>('PUT', '/api/staff/faults/api-orders', { latencyMs: 0, failureRate: 1 });
    expect(put.status).toBe(403);
    expect((await faults.list())['api-orders'].failureRate).toBe(0);
  });
});

describe('PUT /api/staff/faults/{target}', () => {
  it('sets a switch, shows it on, and audits who changed it from what to what', async () => {
    const set = await flip('stock-consumer', { latencyMs: 200, failureRate: 0.5 });
    expect(set).toEqual({
      status: 200,
      body: { target: 'stock-consumer', latencyMs: 200, failureRate: 0.5, on: true },
    });
    const list = await staff.json<FaultSwitchesResponse>('GET', '/api/staff/faults');
    expect(list.body.items.find((s) => s.target === 'stock-consumer')).toMatchObject({ on: true, failureRate: 0.5 });
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'fault_switch.changed'))
      .orderBy(desc(auditLog.at))
      .limit(1);
    expect(entry).toMatchObject({
      actorId: staffId,
      subjectType: 'fault_switch',
      subjectId: 'stock-consumer',
      before: { latencyMs: 0, failureRate: 0 },
      after: { latencyMs: 200, failureRate: 0.5 },
    });
  });

  it.each([
    [{ latencyMs: 0, failureRate: 1.5 }, 'failureRate'],
    [{ latencyMs: -1, failureRate: 0 }, 'latencyMs'],
    [{ latencyMs: 30_001, failureRate: 0 }, 'latencyMs'],
    [{ latencyMs: 1.5, failureRate: 0 }, 'latencyMs'],
    [{ failureRate: 0.5 }, 'latencyMs'],
    [{ latencyMs: 0, failureRate: '50%' }, 'failureRate'],
  ])('refuses %j with 400 VALIDATION_FAILED naming %s, and changes nothing', async (body, field) => {
    const answer = await flip('api-orders', body);
    expect(answer.status).toBe(400);
    const error = (answer.body as ErrorBody).error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details?.map((d) => d.path)).toContain(field);
    expect((await faults.list())['api-orders']).toEqual({ latencyMs: 0, failureRate: 0 });
  });

  it('refuses a target that does not exist with 400 VALIDATION_FAILED', async () => {
    const answer = await flip('database', { latencyMs: 0, failureRate: 1 });
    expect(answer.status).toBe(400);
    expect((answer.body as ErrorBody).error.code).toBe('VALIDATION_FAILED');
  });
});

describe('a route group’s switch', () => {
  it('fails that group’s requests with 503 SERVICE_UNAVAILABLE and Retry-After, and only that group’s', async () => {
    expect((await t.app.request('/api/products')).status).toBe(200);
    await flip('api-catalog', { latencyMs: 0, failureRate: 1 });
    const refused = await t.app.request('/api/products');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).not.toBeNull();
    const body = (await refused.json()) as ErrorBody;
    expect(body.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(body.error.message).toContain('api-catalog');
    // Another group answers as before.
    expect((await staff.send('GET', '/api/cart')).status).toBe(200);
    await flip('api-catalog', { latencyMs: 0, failureRate: 0 });
    expect((await t.app.request('/api/products')).status).toBe(200);
  });

  it('adds its latency to the group’s requests', async () => {
    await flip('api-cart', { latencyMs: 300, failureRate: 0 });
    const started = performance.now();
    expect((await staff.send('GET', '/api/cart')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('never reaches the switches themselves: a failing back office can still be switched back', async () => {
    await flip('api-back-office', { latencyMs: 0, failureRate: 1 });
    expect((await staff.send('GET', '/api/staff/products')).status).toBe(503);
    expect((await staff.send('GET', '/api/staff/faults')).status).toBe(200);
    expect((await flip('api-back-office', { latencyMs: 0, failureRate: 0 })).status).toBe(200);
    expect((await staff.send('GET', '/api/staff/products')).status).toBe(200);
  });
});

describe('the ingest switch', () => {
  it('fails the devices’ endpoint with 503 before the key is even looked at', async () => {
    const post = () =>
      t.app.request('/ingest/v1/readings', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ readings: [] }),
      });
    expect((await post()).status).toBe(401);
    await flip('ingest', { latencyMs: 0, failureRate: 1 });
    const refused = await post();
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as ErrorBody).error.message).toContain('ingest');
  });
});
