import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { waitForTheEventFlowToSettle } from '../../test/event-pump.js';
import { orderFixtures } from '../../test/order-fixtures.js';
import { asUser, demoProducts, setStock } from '../../test/shop-fixtures.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { waitUntil } from '../../test/wait-until.js';
import type { Order } from '../modules/ordering/api-schemas.js';
import {
  createFaultSwitches,
  createInProcessFaultStore,
  type FaultSwitches,
} from '../platform/faults/fault-switches.js';
import type { OpsAlarmsResponse } from '../platform/observability/alarms-router.js';
import { createLogger } from '../platform/observability/logger.js';
import { type EventRuntime, startEventRuntime } from './event-runtime.js';

/**
 * The "done": flip "stock consumer fails 50 %", watch the local alarm
 * go to ALARM, turn the switch off and watch it come back to OK. The alarm is
 * the catalogue's ConsumerFailing (more than 2 failed deliveries a minute in 2
 * of the last 3 minutes), evaluated by the same monitor `npm start` runs.
 *
 * The clock is the test's: `Date` is moved a minute at a time (it keeps
 * ticking from there), so the metric store files each order's failures under
 * the minute the test chose and the monitor evaluates at chosen times; the
 * database's own clock, which schedules the retries, is left alone.
 */
const logger = createLogger({ level: 'silent', service: 'kura-test' });
const minute = 60_000;
let t: TestApp;
/** While failing: each step's first delivery fails and its retry succeeds (a key's steps run one at a time). */
let failing = false;
let nextFails = true;
let failures = 0;
const roll = () => {
  if (!failing) return 1;
  const fail = nextFails;
  nextFails = !nextFails;
  if (fail) failures++;
  return fail ? 0.2 : 0.7;
};
let faults: FaultSwitches;
let runtime: EventRuntime;
let staff: ReturnType<typeof asUser>;

beforeAll(async () => {
  faults = createFaultSwitches({ store: createInProcessFaultStore(), refreshMs: 0, random: roll });
  t = await createTestApp({ demoData: true, faults });
  runtime = startEventRuntime({
    role: 'local',
    config: { transport: 'postgres', queue: 'events', maxReceiveCount: 5 },
    db: t.database.db,
    logger,
    faults,
  });
  staff = asUser(t, (await t.signIn({ role: 'staff' })).headers);
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  await runtime?.stop();
  await t?.close();
});

/** One order through the flow, to the end: confirmed, nothing left to publish or deliver. */
async function orderConfirmed() {
  const [product] = await demoProducts(t, 1);
  if (!product) throw new Error('no demo product');
  await setStock(t, product.sku, 100);
  const customer = await orderFixtures(t).customer();
  const order = await customer.order(product.id, 1);
  runtime.wake();
  await waitUntil(
    async () => (await customer.api.json<Order>('GET', `/api/orders/${order.id}`)).body.state === 'confirmed',
    { what: 'the order is confirmed', timeoutMs: 60_000, everyMs: 100 },
  );
  await waitForTheEventFlowToSettle(t);
}

/** Orders placed one after another (so the dice alternate per delivery) until more than 2 deliveries failed. */
async function moreThanTwoFailures() {
  failing = true;
  nextFails = true;
  failures = 0;
  while (failures <= 2) await orderConfirmed();
  failing = false;
  return failures;
}

async function consumerFailing() {
  const { status, body } = await staff.json<OpsAlarmsResponse>('GET', '/api/ops/alarms');
  expect(status).toBe(200);
  const alarm = body.items.find((a) => a.id === 'ConsumerFailing');
  if (!alarm) throw new Error('no ConsumerFailing alarm');
  return alarm;
}

describe('the stock consumer fails 50 %: the local alarm fires, and clears once the switch is off', () => {
  it('goes OK → ALARM → OK, with each change in its history', async () => {
    const t0 = Math.ceil(Date.now() / minute) * minute + 5 * minute;
    vi.useFakeTimers({ toFake: ['Date'], now: t0 + 1_000, shouldAdvanceTime: true });
    t.alarms.evaluate();
    expect((await consumerFailing()).state).toBe('OK');

    const on = await staff.json('PUT', '/api/staff/faults/stock-consumer', { latencyMs: 0, failureRate: 0.5 });
    expect(on.status).toBe(200);
    const first = await moreThanTwoFailures();
    t.alarms.evaluate();
    const afterOne = await consumerFailing();
    expect(afterOne.state).toBe('OK'); // one breaching minute; the alarm wants two of three
    expect(afterOne.datapoints.at(-1)?.value).toBe(first);

    vi.setSystemTime(t0 + minute + 1_000);
    await moreThanTwoFailures();
    t.alarms.evaluate();
    const firing = await consumerFailing();
    expect(firing.state).toBe('ALARM');
    expect(firing.cause).toEqual({ code: 'crossed', breaching: 2, judged: 3, missing: 1 });
    expect(firing.reason).toMatch(
      /^Threshold crossed: 2 out of the last 3 datapoints were greater than the threshold \(2\)/,
    );

    const off = await staff.json('PUT', '/api/staff/faults/stock-consumer', { latencyMs: 0, failureRate: 0 });
    expect(off.status).toBe(200);
    vi.setSystemTime(t0 + 2 * minute + 1_000);
    await orderConfirmed();
    t.alarms.evaluate();
    expect((await consumerFailing()).state).toBe('ALARM'); // minutes 0 and 1 are still in the window

    vi.setSystemTime(t0 + 3 * minute + 1_000);
    t.alarms.evaluate();
    const cleared = await consumerFailing();
    expect(cleared.state).toBe('OK');
    expect(cleared.datapoints.slice(-3).map((d) => d.value)).toEqual([first, null, null]);
    expect(cleared.history.map((h) => `${h.from}→${h.to}`)).toEqual(['ALARM→OK', 'OK→ALARM', 'INSUFFICIENT_DATA→OK']);
  });
});
