import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderFixtures } from '../../test/order-fixtures.js';
import { demoProducts, setStock } from '../../test/shop-fixtures.js';
import { createTestApp, databaseKind, type TestApp } from '../../test/test-app.js';
import { waitUntil } from '../../test/wait-until.js';
import { commitOrder } from '../modules/inventory/reservations.js';
import { reservations, stockMovements } from '../modules/inventory/schema.js';
import type { Order } from '../modules/ordering/api-schemas.js';
import { deliveryDateIn } from '../modules/ordering/delivery.js';
import { orderLines, orders } from '../modules/ordering/schema.js';
import { sqlRows } from '../platform/db/database.js';
import { createConsumer, type EventHandler, on } from '../platform/events/consumer.js';
import { createOutboxRelay } from '../platform/events/outbox.js';
import { createPostgresTransport, type PostgresTransport } from '../platform/events/postgres-transport.js';
import { outbox, queueMessages } from '../platform/events/schema.js';
import { createLogger } from '../platform/observability/logger.js';
import { orderEventHandlers } from './order-fulfilment.js';

/**
 * The whole order flow — checkout over HTTP, outbox, relay, queue, stock
 * consumer, verdicts — under concurrency and failure, on the real PostgreSQL
 * server (PGlite runs one transaction at a time and would prove nothing).
 */
describe.skipIf(databaseKind === 'pglite')('the order flow under load and failure (real PostgreSQL only)', () => {
  let t: TestApp;
  let f: ReturnType<typeof orderFixtures>;
  const logger = createLogger({ level: 'silent', service: 'kura-test' });
  beforeAll(async () => {
    // Each shopper here places a dozen orders at once: load, not a customer's pace.
    t = await createTestApp({ demoData: true, rateLimits: { checkout: { limit: 1000, windowMs: 60_000 } } });
    f = orderFixtures(t);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const address = {
    postalCode: '812-0011',
    prefecture: '福岡県',
    city: '福岡市博多区',
    line1: '博多駅前1-1',
    name: '田中 花子',
    phone: '092-123-4567',
  };
  /**
   * One checkout as a careful client makes it: one Idempotency-Key, repeated
   * while the server answers 503 (busy: nothing was done) or 409 IN_USE (the
   * first attempt is still being processed).
   */
  async function checkout(headers: Record<string, string>, lines: { productId: string; quantity: number }[]) {
    const key = crypto.randomUUID();
    const giveUpAt = Date.now() + 300_000;
    const body = JSON.stringify({
      lines,
      shippingAddress: address,
      delivery: { date: deliveryDateIn(2, new Date()), slot: '14-16' },
    });
    for (let attempt = 1; ; attempt++) {
      const response = await t.app.request('/api/orders', {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body,
      });
      const answer = (await response.json()) as Order & { error?: { code: string } };
      const again = response.status === 503 || answer.error?.code === 'IDEMPOTENCY_KEY_IN_USE';
      // A client gives up after a while, not after a count: a busy machine answers 503 more often.
      if (!again || Date.now() > giveUpAt) return { status: response.status, body: answer, attempts: attempt };
      await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 800));
    }
  }

  /** One handler per event running all of the flow's for it, so a wrapper strikes once per message. */
  function perMessage(handlers: readonly EventHandler[]): EventHandler[] {
    return [...new Set(handlers.map((handler) => handler.event))].map((event) =>
      on(event, async (payload, envelope) => {
        for (const handler of handlers) if (handler.event === event) await handler.handle(payload, envelope);
      }),
    );
  }

  /** Relays and consumers running in the background, as in the one local process (several of each). */
  function runFlow(options: {
    consumers: number;
    relays?: number;
    visibilitySeconds?: number;
    wrapTransport?: (transport: PostgresTransport, index: number) => PostgresTransport;
    wrapHandler?: (handler: EventHandler, index: number) => EventHandler;
  }) {
    const base = createPostgresTransport({
      db: t.database.db,
      queue: 'events',
      maxReceiveCount: 50,
      pollIntervalMs: 20,
    });
    const handlers = perMessage(orderEventHandlers({ db: t.database.db }));
    const relays = Array.from({ length: options.relays ?? 1 }, () =>
      createOutboxRelay({ db: t.database.db, transport: base, logger, idleMs: { min: 10, max: 50 } }),
    );
    const consumers = Array.from({ length: options.consumers }, (_, i) =>
      createConsumer({
        transport: options.wrapTransport?.(base, i) ?? base,
        handlers: handlers.map((handler) => options.wrapHandler?.(handler, i) ?? handler),
        logger,
        visibilitySeconds: options.visibilitySeconds ?? 30,
        waitSeconds: 1,
        batchSize: 10,
        retryDelaySeconds: () => 0,
      }),
    );
    for (const relay of relays) relay.start();
    for (const consumer of consumers) consumer.start();
    return {
      wake: () => {
        for (const relay of relays) relay.wake();
      },
      async stop() {
        await Promise.all(relays.map((relay) => relay.stop()));
        await Promise.all(consumers.map((consumer) => consumer.stop()));
      },
    };
  }

  /** Waits until no order is pending, every outbox row is published and the queue is empty. */
  async function settled(orderIds: readonly string[], timeoutMs = 600_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [pending] = await t.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(orders)
        .where(and(inArray(orders.id, [...orderIds]), eq(orders.state, 'pending')));
      const [unpublished] = await t.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(outbox)
        .where(isNull(outbox.publishedAt));
      const [queued] = await t.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(queueMessages)
        .where(isNull(queueMessages.deadAt));
      if (pending?.n === 0 && unpublished?.n === 0 && queued?.n === 0) return;
      if (Date.now() > deadline) {
        const left = await sqlRows(
          t.database.db,
          sql`select body->>'type' as type, receive_count, dead_at is not null as dead, dead_reason,
                     round(extract(epoch from visible_at - now())) as visible_in
                from platform.queue_messages limit 5`,
        );
        throw new Error(
          `not settled: ${pending?.n} pending, ${unpublished?.n} unpublished, ${queued?.n} queued: ${JSON.stringify(left)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Units of a SKU per order state, from the orders themselves. */
  async function unitsByState(sku: string, orderIds: readonly string[]) {
    const rows = await t.database.db
      .select({
        state: orders.state,
        units: sql<number>`sum(${orderLines.quantity})::int`,
        n: sql<number>`count(distinct ${orders.id})::int`,
      })
      .from(orders)
      .innerJoin(orderLines, eq(orderLines.orderId, orders.id))
      .where(and(eq(orderLines.sku, sku), inArray(orders.id, [...orderIds])))
      .groupBy(orders.state);
    return Object.fromEntries(rows.map((row) => [row.state, { units: row.units, orders: row.n }]));
  }

  /** The stock ledger agrees with the stock row and with the reservations, per SKU. */
  async function expectLedgerConsistent(sku: string) {
    const [ledger] = await t.database.db
      .select({
        onHand: sql<number>`coalesce(sum(${stockMovements.deltaOnHand}), 0)::int`,
        reserved: sql<number>`coalesce(sum(${stockMovements.deltaReserved}), 0)::int`,
      })
      .from(stockMovements)
      .where(eq(stockMovements.sku, sku));
    const [held] = await t.database.db
      .select({ units: sql<number>`coalesce(sum(${reservations.quantity}), 0)::int` })
      .from(reservations)
      .where(and(eq(reservations.sku, sku), eq(reservations.state, 'reserved')));
    const stock = await f.stockOf(sku);
    expect(stock.reserved).toBe(held?.units);
    expect(stock.reserved).toBe(ledger?.reserved);
    expect(stock.reserved).toBeLessThanOrEqual(stock.onHand ?? 0);
  }

  it('500 concurrent checkouts of 50 units confirm exactly 50; orders of two lines on one SKU never oversell', async () => {
    const [hot, pair] = await demoProducts(t, 2);
    if (!hot || !pair) throw new Error('no demo products');
    await setStock(t, hot.sku, 50);
    await setStock(t, pair.sku, 31);
    const shoppers = await Promise.all(Array.from({ length: 50 }, () => t.signIn()));
    const flow = runFlow({ consumers: 4, relays: 2 });
    try {
      // 500 single-unit checkouts of the hot product and 100 "buy now" orders naming the other
      // product twice (1 + 1), all at once, while the flow reserves behind them.
      const requests = [
        ...Array.from({ length: 500 }, (_, i) => ({ who: i % 50, lines: [{ productId: hot.id, quantity: 1 }] })),
        ...Array.from({ length: 100 }, (_, i) => ({
          who: i % 50,
          lines: [
            { productId: pair.id, quantity: 1 },
            { productId: pair.id, quantity: 1 },
          ],
        })),
      ].sort(() => Math.random() - 0.5);
      const started = performance.now();
      const responses = await Promise.all(
        requests.map(async (request) => {
          const answer = await checkout(shoppers[request.who]?.headers ?? {}, request.lines);
          flow.wake();
          return answer;
        }),
      );
      const retried = responses.filter((r) => r.attempts > 1).length;
      const created = responses.filter((r) => r.status === 201).map((r) => r.body.id);
      const refused = responses.filter((r) => r.status !== 201);
      // Checkout refuses only what is already sold out by then, with the one stable code.
      for (const r of refused) expect([r.status, r.body.error?.code]).toEqual([409, 'ORDER_NOT_PLACEABLE']);
      await settled(created);
      const seconds = (performance.now() - started) / 1000;

      const hotUnits = await unitsByState(hot.sku, created);
      expect(hotUnits.confirmed).toEqual({ units: 50, orders: 50 });
      expect(Object.keys(hotUnits).sort()).toEqual(hotUnits.rejected ? ['confirmed', 'rejected'] : ['confirmed']);
      expect(await f.stockOf(hot.sku)).toEqual({ onHand: 50, reserved: 50 });

      // 31 units, 2 per order: 15 orders confirmed, one unit left that no order of two can take.
      const pairUnits = await unitsByState(pair.sku, created);
      expect(pairUnits.confirmed).toEqual({ units: 30, orders: 15 });
      expect(await f.stockOf(pair.sku)).toEqual({ onHand: 31, reserved: 30 });
      const [pairLine] = await t.database.db
        .select({ quantity: orderLines.quantity })
        .from(orderLines)
        .where(and(inArray(orderLines.orderId, created), eq(orderLines.sku, pair.sku)))
        .limit(1);
      expect(pairLine?.quantity).toBe(2);

      // Ship 20 of the confirmed hot orders: reserved + sold = the 50 there were.
      const confirmedHot = await t.database.db
        .select({ id: orders.id })
        .from(orders)
        .innerJoin(orderLines, eq(orderLines.orderId, orders.id))
        .where(and(eq(orderLines.sku, hot.sku), eq(orders.state, 'confirmed'), inArray(orders.id, created)));
      const shipped = await Promise.all(
        confirmedHot.slice(0, 20).map((o) => commitOrder(t.database.db, { orderId: o.id })),
      );
      expect(shipped.every((s) => s.kind === 'committed')).toBe(true);
      const after = await f.stockOf(hot.sku);
      expect(after).toEqual({ onHand: 30, reserved: 30 });
      await expectLedgerConsistent(hot.sku);
      await expectLedgerConsistent(pair.sku);
      const [dead] = await t.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(queueMessages)
        .where(sql`${queueMessages.deadAt} is not null`);
      expect(dead?.n).toBe(0);
      console.info(
        `600 concurrent checkouts: ${created.length} placed, ${refused.length} refused at checkout (sold out), ` +
          `${retried} retried after 503/409 IN_USE; ` +
          `hot SKU ${hotUnits.confirmed?.orders} confirmed / ${hotUnits.rejected?.orders ?? 0} rejected; ` +
          `two-line SKU ${pairUnits.confirmed?.orders} confirmed / ${pairUnits.rejected?.orders ?? 0} rejected; ` +
          `all settled in ${seconds.toFixed(1)} s`,
      );
    } finally {
      await flow.stop();
    }
  }, 900_000);

  it('a consumer killed mid-batch, every message delivered twice, handlers failing and outliving their lease: each order settled once, nothing lost', async () => {
    const [, , scarce, plenty] = await demoProducts(t, 4);
    if (!scarce || !plenty) throw new Error('no demo products');
    await setStock(t, scarce.sku, 40);
    await setStock(t, plenty.sku, 1000);
    const shoppers = await Promise.all(Array.from({ length: 20 }, () => t.signIn()));
    const shapes = [
      [{ productId: scarce.id, quantity: 1 }],
      [{ productId: scarce.id, quantity: 2 }],
      [{ productId: plenty.id, quantity: 1 }],
      [
        { productId: scarce.id, quantity: 1 },
        { productId: plenty.id, quantity: 2 },
      ],
    ];
    // 120 orders placed with no consumer running; they wait in the outbox.
    const placed = await Promise.all(
      Array.from({ length: 120 }, async (_, i) => {
        const who = shoppers[i % 20];
        if (!who) throw new Error('no shopper');
        const answer = await checkout(who.headers, shapes[i % shapes.length] ?? []);
        expect(answer.status).toBe(201);
        return { id: answer.body.id, headers: who.headers };
      }),
    );
    const ids = placed.map((o) => o.id);

    // 1. The flow in a process of its own, killed with SIGKILL while it works.
    const [current] = await sqlRows<{ name: string }>(t.database.db, sql`select current_database() as name`);
    const url = new URL(process.env.DATABASE_URL ?? '');
    url.pathname = `/${current?.name}`;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('../../test/event-flow-process.ts', import.meta.url))],
      {
        env: { ...process.env, DATABASE_URL: url.toString(), KURA_TEST_VISIBILITY_SECONDS: '2' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exited = once(child, 'exit');
    try {
      const [ready] = (await once(child.stdout, 'data')) as Buffer[];
      expect(String(ready)).toContain('ready');
      const deadline = Date.now() + 600_000;
      while ((await countSettled(ids)) < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    const settledAtKill = await countSettled(ids);
    expect(settledAtKill).toBeGreaterThanOrEqual(20);
    expect(settledAtKill).toBeLessThan(ids.length);

    // 2. Recovery under hostile delivery: three consumers with a 1 s lease.
    const chaos = { droppedAcks: 0, crashedBefore: 0, crashedAfter: 0, overran: 0, runs: new Map<string, number>() };
    const flow = runFlow({
      consumers: 3,
      relays: 2,
      visibilitySeconds: 1,
      wrapTransport: (transport, i) => ({
        ...transport,
        // The first receive of every message is never acknowledged: each is delivered at least twice.
        async ack(delivery) {
          if (delivery.receiveCount === 1) {
            chaos.droppedAcks++;
            return;
          }
          await transport.ack(delivery);
        },
        // Nor inside the handler's transaction, where the handler acknowledges it.
        async ackWithin(tx, delivery) {
          if (delivery.receiveCount === 1) {
            chaos.droppedAcks++;
            return;
          }
          await transport.ackWithin(tx, delivery);
        },
        // Consumer 2's heartbeat never reaches the queue: its slow handlers outlive their lease.
        changeVisibility: i === 2 ? async () => {} : transport.changeVisibility,
      }),
      wrapHandler: (handler, i) =>
        on(handler.event, async (payload, envelope) => {
          chaos.runs.set(envelope.id, (chaos.runs.get(envelope.id) ?? 0) + 1);
          const dice = Math.random();
          if (dice < 0.1) {
            chaos.crashedBefore++;
            throw new Error('chaos: failed before the handler ran');
          }
          if (i === 2 && dice < 0.4) {
            chaos.overran++;
            // Outlive the 1 s lease by the queue's clock (a busy machine only makes this longer).
            await waitUntil(
              async () =>
                (
                  await sqlRows<{ held: boolean }>(
                    t.database.db,
                    sql`select visible_at > now() as held from platform.queue_messages where id = ${envelope.id}`,
                  )
                )[0]?.held !== true,
              { what: 'the overrunning handler lost its lease', everyMs: 50 },
            );
          }
          await handler.handle(payload, envelope);
          if (dice > 0.85) {
            chaos.crashedAfter++;
            throw new Error('chaos: failed after the handler committed');
          }
        }),
    });
    try {
      // Customers cancel every eighth order meanwhile, whatever state it reached.
      const cancels = await Promise.all(
        placed
          .filter((_, i) => i % 8 === 0)
          .map(async (o) => {
            const response = await t.app.request(`/api/orders/${o.id}/cancel`, { method: 'POST', headers: o.headers });
            flow.wake();
            return { id: o.id, status: response.status };
          }),
      );
      for (const c of cancels) expect([200, 409]).toContain(c.status);
      await settled(ids);
      const cancelled = new Set(cancels.filter((c) => c.status === 200).map((c) => c.id));

      const rows = await t.database.db
        .select({ id: orders.id, state: orders.state, version: orders.version })
        .from(orders)
        .where(inArray(orders.id, ids));
      expect(rows).toHaveLength(ids.length);
      for (const row of rows) {
        if (cancelled.has(row.id)) {
          expect(row.state).toBe('cancelled');
        } else {
          // Confirmed or rejected, by exactly one transition from pending.
          expect(['confirmed', 'rejected']).toContain(row.state);
          expect(row.version).toBe(2);
        }
      }
      // Each order reserved each SKU at most once, and holds stock only while confirmed.
      const [twice] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(
        t.database.db
          .select({ orderId: stockMovements.orderId, sku: stockMovements.sku })
          .from(stockMovements)
          .where(and(eq(stockMovements.reason, 'order_reserved'), inArray(stockMovements.orderId, ids)))
          .groupBy(stockMovements.orderId, stockMovements.sku)
          .having(sql`count(*) > 1`)
          .as('twice'),
      );
      expect(twice?.n).toBe(0);
      const holding = await t.database.db
        .selectDistinct({ orderId: reservations.orderId })
        .from(reservations)
        .where(and(eq(reservations.state, 'reserved'), inArray(reservations.orderId, ids)));
      const confirmed = rows.filter((r) => r.state === 'confirmed').map((r) => r.id);
      expect(holding.map((h) => h.orderId).sort()).toEqual([...confirmed].sort());
      for (const product of [scarce, plenty]) {
        const units = await unitsByState(product.sku, ids);
        const stock = await f.stockOf(product.sku);
        expect(stock.reserved).toBe(units.confirmed?.units ?? 0);
        await expectLedgerConsistent(product.sku);
      }
      expect((await f.stockOf(scarce.sku)).onHand).toBe(40);
      const [dead] = await t.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(queueMessages)
        .where(sql`${queueMessages.deadAt} is not null`);
      expect(dead?.n).toBe(0);

      // The hostility really happened.
      const duplicates = [...chaos.runs.values()].filter((n) => n > 1).length;
      expect(chaos.droppedAcks).toBeGreaterThan(0);
      expect(chaos.crashedBefore + chaos.crashedAfter).toBeGreaterThan(0);
      expect(duplicates).toBeGreaterThan(0);
      const count = (state: string) => rows.filter((r) => r.state === state).length;
      console.info(
        `chaos: killed the flow process after ${settledAtKill}/${ids.length} orders settled; then ` +
          `${chaos.droppedAcks} acks dropped, ${chaos.crashedBefore} failures before and ${chaos.crashedAfter} after a handler, ` +
          `${chaos.overran} handlers outliving a 1 s lease, ${duplicates} messages handled more than once; ` +
          `result ${count('confirmed')} confirmed, ${count('rejected')} rejected, ` +
          `${count('cancelled')} cancelled, none pending, no dead letters`,
      );
    } finally {
      await flow.stop();
    }
  }, 900_000);

  async function countSettled(orderIds: readonly string[]) {
    const [row] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(orders)
      .where(and(inArray(orders.id, [...orderIds]), sql`${orders.state} <> 'pending'`));
    return row?.n ?? 0;
  }
});
