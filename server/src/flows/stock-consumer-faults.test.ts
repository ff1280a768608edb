import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { createLogger } from '../platform/observability/logger.js';
import type { DeadLettersResponse } from './dead-letters/dead-letters-router.js';
import { type EventRuntime, startEventRuntime } from './event-runtime.js';

/**
 * "The stock consumer fails": the switch sits in front of the order flow's
 * handlers as the event runtime assembles them, so a failing consumer takes
 * the normal road: retried, dead-lettered after the maximum receives, and
 * confirmed once the switch is off and an operator redrives the letter.
 */
const logger = createLogger({ level: 'silent', service: 'kura-test' });
let t: TestApp;
let dice: number[] = [];
let faults: FaultSwitches;
let runtime: EventRuntime;
let staff: ReturnType<typeof asUser>;

beforeAll(async () => {
  // The test decides each roll: a number under the rate fails the delivery.
  faults = createFaultSwitches({ store: createInProcessFaultStore(), refreshMs: 0, random: () => dice.shift() ?? 1 });
  t = await createTestApp({ demoData: true, faults });
  // Two receives before a message is dead-lettered: one retry, after the consumer's usual back-off (about 1 s).
  runtime = startEventRuntime({
    role: 'local',
    config: { transport: 'postgres', queue: 'events', maxReceiveCount: 2 },
    db: t.database.db,
    logger,
    faults,
  });
  staff = asUser(t, (await t.signIn({ role: 'staff' })).headers);
});
afterAll(async () => {
  await runtime?.stop();
  await t?.close();
});

async function placeOrder() {
  const [product] = await demoProducts(t, 1);
  if (!product) throw new Error('no demo product');
  await setStock(t, product.sku, 100);
  const customer = await orderFixtures(t).customer();
  const order = await customer.order(product.id, 1);
  runtime.wake();
  const stateOf = async () => (await customer.api.json<Order>('GET', `/api/orders/${order.id}`)).body.state;
  return { order, stateOf };
}

/** Nothing left to publish or deliver (dead letters aside): the dice a later test sets are its own. */
const waitForTheFlowToSettle = () => waitForTheEventFlowToSettle(t);

describe('the stock consumer’s fault switch', () => {
  it('fails every delivery at 100 %: the order waits, its event is dead-lettered; off and redriven, it is confirmed', async () => {
    expect((await staff.json('PUT', '/api/staff/faults/stock-consumer', { latencyMs: 0, failureRate: 1 })).status).toBe(
      200,
    );
    dice = Array.from({ length: 10 }, () => 0);
    const { order, stateOf } = await placeOrder();
    let letter: DeadLettersResponse['items'][number] | undefined;
    await waitUntil(
      async () => {
        const list = await staff.json<DeadLettersResponse>('GET', '/api/staff/dead-letters');
        letter = list.body.items.find((d) => d.type === 'OrderPlaced' && d.key === order.id);
        return letter !== undefined;
      },
      { what: 'the OrderPlaced event is dead-lettered', timeoutMs: 60_000, everyMs: 100 },
    );
    expect(letter?.receiveCount).toBe(2);
    expect(await stateOf()).toBe('pending');

    expect((await staff.json('PUT', '/api/staff/faults/stock-consumer', { latencyMs: 0, failureRate: 0 })).status).toBe(
      200,
    );
    const redrive = await staff.json('POST', '/api/staff/dead-letters/redrive', { ids: [letter?.id] });
    expect(redrive).toEqual({ status: 200, body: { moved: 1 } });
    await waitUntil(async () => (await stateOf()) === 'confirmed', {
      what: 'the redriven order is confirmed',
      timeoutMs: 60_000,
      everyMs: 100,
    });
    await waitForTheFlowToSettle();
    const list = await staff.json<DeadLettersResponse>('GET', '/api/staff/dead-letters');
    expect(list.body.items.filter((d) => d.key === order.id)).toEqual([]);
  });

  it('at 50 %, a delivery that fails is retried and the order still confirmed, with nothing dead-lettered', async () => {
    expect(
      (await staff.json('PUT', '/api/staff/faults/stock-consumer', { latencyMs: 0, failureRate: 0.5 })).status,
    ).toBe(200);
    // Each step's first delivery fails, its retry succeeds: reserve and confirm, create pack tasks.
    dice = [0.2, 0.7, 0.2, 0.7];
    const { order, stateOf } = await placeOrder();
    await waitUntil(async () => (await stateOf()) === 'confirmed', {
      what: 'the order is confirmed after retries',
      timeoutMs: 60_000,
      everyMs: 100,
    });
    await waitForTheFlowToSettle();
    const list = await staff.json<DeadLettersResponse>('GET', '/api/staff/dead-letters');
    expect(list.body.items.filter((d) => d.key === order.id)).toEqual([]);
    expect(dice).toEqual([]);
  });
});
