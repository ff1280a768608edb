import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-app.js';
import type { DatabaseHandle } from '../../platform/db/database.js';
import { sqlRows } from '../../platform/db/database.js';
import { commitOrder, listExpiredHolds, releaseExpiredHold, releaseOrder, reserveOrder } from './reservations.js';
import { reservations, stockItems } from './schema.js';
import { createOpeningStock } from './stock-levels.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  await createOpeningStock(database.db, [
    { sku: 'R-A', onHand: 10 },
    { sku: 'R-B', onHand: 4 },
    { sku: 'R-C', onHand: 100 },
    { sku: 'R-D', onHand: 100 },
    { sku: 'R-E', onHand: 100 },
    { sku: 'R-F', onHand: 100 },
  ]);
});
afterAll(async () => {
  await database?.close();
});

const later = new Date(Date.now() + 15 * 60_000);

async function stock(sku: string) {
  const [row] = await database.db.select().from(stockItems).where(eq(stockItems.sku, sku));
  if (!row) throw new Error(`no stock row ${sku}`);
  return { onHand: row.onHand, reserved: row.reserved };
}

async function movementsOf(orderId: string) {
  return sqlRows<{ sku: string; delta_on_hand: number; delta_reserved: number; reason: string }>(
    database.db,
    sql`select sku, delta_on_hand, delta_reserved, reason from inventory.stock_movements where order_id = ${orderId} order by at, sku`,
  );
}

/** Every SKU's figures equal the sum of its movements. */
async function expectLedgerBalanced() {
  const rows = await sqlRows<{
    sku: string;
    on_hand: number;
    reserved: number;
    moved_on_hand: number;
    moved_reserved: number;
  }>(
    database.db,
    sql`
    select s.sku, s.on_hand, s.reserved,
      coalesce(sum(m.delta_on_hand), 0)::int as moved_on_hand,
      coalesce(sum(m.delta_reserved), 0)::int as moved_reserved
    from inventory.stock_items s left join inventory.stock_movements m on m.sku = s.sku
    group by s.sku, s.on_hand, s.reserved`,
  );
  for (const row of rows) {
    expect([row.sku, row.on_hand, row.reserved]).toEqual([row.sku, row.moved_on_hand, row.moved_reserved]);
  }
}

describe('reserveOrder', () => {
  it('reserves every line, summing lines that repeat a SKU, with one movement per SKU', async () => {
    const orderId = crypto.randomUUID();
    const before = { a: await stock('R-A'), c: await stock('R-C') };
    const outcome = await reserveOrder(database.db, {
      orderId,
      lines: [
        { sku: 'R-C', quantity: 2 },
        { sku: 'R-A', quantity: 3 },
        { sku: 'R-C', quantity: 5 },
      ],
      expiresAt: later,
    });
    expect(outcome).toMatchObject({
      kind: 'reserved',
      replayed: false,
      lines: [
        { sku: 'R-A', quantity: 3, state: 'reserved' },
        { sku: 'R-C', quantity: 7, state: 'reserved' },
      ],
    });
    expect(await stock('R-A')).toEqual({ onHand: before.a.onHand, reserved: before.a.reserved + 3 });
    expect(await stock('R-C')).toEqual({ onHand: before.c.onHand, reserved: before.c.reserved + 7 });
    expect(await movementsOf(orderId)).toEqual([
      { sku: 'R-A', delta_on_hand: 0, delta_reserved: 3, reason: 'order_reserved' },
      { sku: 'R-C', delta_on_hand: 0, delta_reserved: 7, reason: 'order_reserved' },
    ]);
    await expectLedgerBalanced();
  });

  it('is idempotent: the same call again changes nothing and answers the same lines', async () => {
    const orderId = crypto.randomUUID();
    const params = { orderId, lines: [{ sku: 'R-D', quantity: 4 }], expiresAt: later };
    const first = await reserveOrder(database.db, params);
    const after = await stock('R-D');
    const again = await reserveOrder(database.db, {
      ...params,
      lines: [
        { sku: 'R-D', quantity: 1 },
        { sku: 'R-D', quantity: 3 },
      ],
    });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await stock('R-D')).toEqual(after);
    expect(await movementsOf(orderId)).toHaveLength(1);
  });

  it('refuses the same order id with other lines, changing nothing', async () => {
    const orderId = crypto.randomUUID();
    await reserveOrder(database.db, { orderId, lines: [{ sku: 'R-D', quantity: 1 }], expiresAt: later });
    const after = await stock('R-D');
    const other = await reserveOrder(database.db, { orderId, lines: [{ sku: 'R-D', quantity: 2 }], expiresAt: later });
    expect(other).toMatchObject({ kind: 'conflict', lines: [{ sku: 'R-D', quantity: 1, state: 'reserved' }] });
    expect(await stock('R-D')).toEqual(after);
  });

  it('reserves all or none: one short line leaves every SKU and the ledger untouched', async () => {
    const orderId = crypto.randomUUID();
    const before = { a: await stock('R-A'), b: await stock('R-B') };
    const outcome = await reserveOrder(database.db, {
      orderId,
      lines: [
        { sku: 'R-A', quantity: 1 },
        { sku: 'R-B', quantity: 3 },
        { sku: 'R-B', quantity: 2 },
      ],
      expiresAt: later,
    });
    expect(outcome).toEqual({ kind: 'insufficient', orderId, shortages: [{ sku: 'R-B', requested: 5, available: 4 }] });
    expect(await stock('R-A')).toEqual(before.a);
    expect(await stock('R-B')).toEqual(before.b);
    expect(await movementsOf(orderId)).toEqual([]);
    expect(await database.db.select().from(reservations).where(eq(reservations.orderId, orderId))).toEqual([]);
  });

  it('treats an unknown SKU as nothing available', async () => {
    const outcome = await reserveOrder(database.db, {
      orderId: crypto.randomUUID(),
      lines: [{ sku: 'NOPE', quantity: 1 }],
      expiresAt: later,
    });
    expect(outcome).toMatchObject({ kind: 'insufficient', shortages: [{ sku: 'NOPE', requested: 1, available: 0 }] });
  });

  it('rejects lines that are not positive whole quantities before touching anything', async () => {
    for (const quantity of [0, -1, 1.5]) {
      await expect(
        reserveOrder(database.db, {
          orderId: crypto.randomUUID(),
          lines: [{ sku: 'R-A', quantity }],
          expiresAt: later,
        }),
      ).rejects.toThrow(RangeError);
    }
    await expect(
      reserveOrder(database.db, { orderId: crypto.randomUUID(), lines: [], expiresAt: later }),
    ).rejects.toThrow(RangeError);
  });

  it('joins the caller’s transaction: when the caller rolls back, the reservation goes too', async () => {
    const orderId = crypto.randomUUID();
    const before = await stock('R-C');
    await expect(
      database.db.transaction(async (tx) => {
        const outcome = await reserveOrder(tx, { orderId, lines: [{ sku: 'R-C', quantity: 1 }], expiresAt: later });
        expect(outcome.kind).toBe('reserved');
        throw new Error('the order could not be saved');
      }),
    ).rejects.toThrow('the order could not be saved');
    expect(await stock('R-C')).toEqual(before);
    expect(await movementsOf(orderId)).toEqual([]);
  });
});

describe('commitOrder and releaseOrder', () => {
  it('ships: on hand and reserved both drop by the quantities; a repeat is a no-op', async () => {
    const orderId = crypto.randomUUID();
    await reserveOrder(database.db, { orderId, lines: [{ sku: 'R-C', quantity: 3 }], expiresAt: later });
    const reservedState = await stock('R-C');
    const shipped = await commitOrder(database.db, { orderId });
    expect(shipped).toMatchObject({
      kind: 'committed',
      replayed: false,
      lines: [{ sku: 'R-C', quantity: 3, state: 'committed' }],
    });
    expect(await stock('R-C')).toEqual({ onHand: reservedState.onHand - 3, reserved: reservedState.reserved - 3 });
    const again = await commitOrder(database.db, { orderId });
    expect(again).toEqual({ ...shipped, replayed: true });
    expect(await stock('R-C')).toEqual({ onHand: reservedState.onHand - 3, reserved: reservedState.reserved - 3 });
    expect((await movementsOf(orderId)).map((m) => m.reason)).toEqual(['order_reserved', 'order_shipped']);
    await expectLedgerBalanced();
  });

  it('refuses to release a shipped order, changing nothing', async () => {
    const orderId = crypto.randomUUID();
    await reserveOrder(database.db, { orderId, lines: [{ sku: 'R-C', quantity: 1 }], expiresAt: later });
    await commitOrder(database.db, { orderId });
    const after = await stock('R-C');
    expect(await releaseOrder(database.db, { orderId })).toMatchObject({
      kind: 'conflict',
      lines: [{ state: 'committed' }],
    });
    expect(await stock('R-C')).toEqual(after);
  });

  it('releases: reserved drops, on hand stays; a repeat is a no-op and shipping is then refused', async () => {
    const orderId = crypto.randomUUID();
    const before = await stock('R-A');
    await reserveOrder(database.db, { orderId, lines: [{ sku: 'R-A', quantity: 2 }], expiresAt: later });
    const released = await releaseOrder(database.db, { orderId });
    expect(released).toMatchObject({ kind: 'released', replayed: false });
    expect(await stock('R-A')).toEqual(before);
    expect(await releaseOrder(database.db, { orderId })).toMatchObject({ kind: 'released', replayed: true });
    expect(await commitOrder(database.db, { orderId })).toMatchObject({ kind: 'conflict' });
    expect(await stock('R-A')).toEqual(before);
    // A released order cannot be reserved again under the same id either.
    expect(
      await reserveOrder(database.db, { orderId, lines: [{ sku: 'R-A', quantity: 2 }], expiresAt: later }),
    ).toMatchObject({ kind: 'conflict' });
    expect(await stock('R-A')).toEqual(before);
  });

  it('answers missing for an order with no reservations', async () => {
    const orderId = crypto.randomUUID();
    expect(await releaseOrder(database.db, { orderId })).toEqual({ kind: 'missing', orderId });
    expect(await commitOrder(database.db, { orderId })).toEqual({ kind: 'missing', orderId });
  });
});

describe('listExpiredHolds and releaseExpiredHold', () => {
  it('list the orders whose holds expired at or before now, and release only those', async () => {
    const now = new Date('2031-01-01T00:00:00Z');
    const expired = crypto.randomUUID();
    const expiresNow = crypto.randomUUID();
    const current = crypto.randomUUID();
    const shipped = crypto.randomUUID();
    const before = await stock('R-E');
    await reserveOrder(database.db, {
      orderId: expired,
      lines: [{ sku: 'R-E', quantity: 2 }],
      expiresAt: new Date(now.getTime() - 60_000),
    });
    await reserveOrder(database.db, {
      orderId: expiresNow,
      lines: [
        { sku: 'R-E', quantity: 1 },
        { sku: 'R-F', quantity: 1 },
      ],
      expiresAt: now,
    });
    await reserveOrder(database.db, {
      orderId: current,
      lines: [{ sku: 'R-E', quantity: 5 }],
      expiresAt: new Date(now.getTime() + 1),
    });
    await reserveOrder(database.db, {
      orderId: shipped,
      lines: [{ sku: 'R-E', quantity: 7 }],
      expiresAt: new Date(now.getTime() - 1),
    });
    await commitOrder(database.db, { orderId: shipped });

    const releaseAll = async () => {
      let released = 0;
      for (const orderId of await listExpiredHolds(database.db, { now, limit: 1000 })) {
        const outcome = await releaseExpiredHold(database.db, { orderId, now });
        if (outcome.kind === 'released' && !outcome.replayed) released++;
      }
      return released;
    };
    const listed = await listExpiredHolds(database.db, { now, limit: 1000 });
    expect(listed).toEqual(expect.arrayContaining([expired, expiresNow]));
    expect(listed).not.toContain(current);
    expect(listed).not.toContain(shipped);
    const result = await releaseAll();
    // Other tests' reservations expire in 15 minutes from the real clock, long before 2031: count only ours.
    const states = await sqlRows<{ order_id: string; state: string }>(
      database.db,
      sql`select order_id, state from inventory.reservations where order_id in (${expired}, ${expiresNow}, ${current}, ${shipped}) order by order_id, sku`,
    );
    const stateOf = (id: string) => states.filter((r) => r.order_id === id).map((r) => r.state);
    expect(stateOf(expired)).toEqual(['released']);
    expect(stateOf(expiresNow)).toEqual(['released', 'released']);
    expect(stateOf(current)).toEqual(['reserved']);
    expect(stateOf(shipped)).toEqual(['committed']);
    expect(result).toBeGreaterThanOrEqual(2);
    expect((await movementsOf(expired)).map((m) => m.reason)).toEqual(['order_reserved', 'reservation_expired']);
    // R-E: 2 + 1 released, 5 still held, 7 shipped.
    expect(await stock('R-E')).toEqual({ onHand: before.onHand - 7, reserved: before.reserved + 5 });

    expect(await releaseAll()).toBe(0);
    await expectLedgerBalanced();
  });
});
