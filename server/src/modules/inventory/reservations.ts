import { and, asc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction, Transaction } from '../../platform/db/database.js';
import { type NewMovement, recordMovements } from './movements.js';
import { type MovementReason, type ReservationState, reservations, stockItems } from './schema.js';

export type OrderLine = { sku: string; quantity: number };
export type ReservedLine = { sku: string; quantity: number; state: ReservationState };
export type Shortage = { sku: string; requested: number; available: number };

export type ReserveOutcome =
  /** Every line is held until `expiresAt` (null: until it ships); `replayed` when an earlier call had already reserved them. */
  | { kind: 'reserved'; orderId: string; lines: ReservedLine[]; expiresAt: Date | null; replayed: boolean }
  /** Nothing was reserved: at least one SKU has too little available (unknown SKUs have 0). */
  | { kind: 'insufficient'; orderId: string; shortages: Shortage[] }
  /** The order already has reservations, for other lines, or already released or shipped. */
  | { kind: 'conflict'; orderId: string; lines: ReservedLine[] };

export type SettleOutcome =
  /** `replayed` when an earlier call had already done it (nothing changed this time). */
  | { kind: 'released' | 'committed'; orderId: string; lines: ReservedLine[]; replayed: boolean }
  | { kind: 'missing'; orderId: string }
  /** Release after shipping, or shipping after release: refused, nothing changed. */
  | { kind: 'conflict'; orderId: string; lines: ReservedLine[] };

export type ReserveOrderParams = {
  orderId: string;
  /** Lines may name the same SKU more than once; they are summed. Quantities are positive integers. */
  lines: readonly OrderLine[];
  /** When an unconfirmed reservation may be released by `releaseExpiredHold`. */
  expiresAt: Date;
};

/**
 * Reserves every line of an order or none. Locks are taken in one global
 * order (the order id, then the SKUs sorted), so concurrent orders sharing
 * SKUs queue rather than deadlock.
 */
export async function reserveOrder(db: DatabaseOrTransaction, params: ReserveOrderParams): Promise<ReserveOutcome> {
  const wanted = sumLines(params.lines);
  const { orderId } = params;
  return db.transaction(async (tx) => {
    await lockOrder(tx, orderId);
    const existing = await linesOf(tx, orderId);
    if (existing.length > 0) {
      const same =
        existing.every((line) => line.state === 'reserved') &&
        existing.length === wanted.length &&
        existing.every((line, i) => line.sku === wanted[i]?.sku && line.quantity === wanted[i]?.quantity);
      if (!same) return { kind: 'conflict', orderId, lines: existing.map(toLine) };
      const expiresAt = existing[0]?.expiresAt ?? null;
      return { kind: 'reserved', orderId, lines: existing.map(toLine), expiresAt, replayed: true };
    }
    const stock = await lockSkus(
      tx,
      wanted.map((line) => line.sku),
    );
    const shortages = wanted.flatMap((line) => {
      const row = stock.get(line.sku);
      const available = row ? row.onHand - row.reserved : 0;
      return available < line.quantity ? [{ sku: line.sku, requested: line.quantity, available }] : [];
    });
    if (shortages.length > 0) return { kind: 'insufficient', orderId, shortages };

    const movements = await applyToStock(
      tx,
      wanted.map((line) => ({ sku: line.sku, onHand: 0, reserved: line.quantity })),
    );
    await tx
      .insert(reservations)
      .values(wanted.map((line) => ({ orderId, sku: line.sku, quantity: line.quantity, expiresAt: params.expiresAt })));
    await recordMovements(tx, movements('order_reserved', orderId));
    return {
      kind: 'reserved',
      orderId,
      lines: wanted.map((line) => ({ ...line, state: 'reserved' as const })),
      expiresAt: params.expiresAt,
      replayed: false,
    };
  });
}

/** Gives an order's reserved stock back (cancelled, or not confirmed in time). Refused after shipping. */
export function releaseOrder(db: DatabaseOrTransaction, params: { orderId: string }): Promise<SettleOutcome> {
  return settle(db, { orderId: params.orderId, to: 'released', reason: 'order_released' });
}

/** Ships an order: its reserved units leave the shelf (on hand and reserved both drop). Refused after release. */
export function commitOrder(db: DatabaseOrTransaction, params: { orderId: string }): Promise<SettleOutcome> {
  return settle(db, { orderId: params.orderId, to: 'committed', reason: 'order_shipped' });
}

/**
 * Orders holding stock whose hold expired at or before `now`, in order id
 * order after `after` (keyset paging), at most `limit`. Whether to release a
 * hold is the caller's decision: a confirmed order keeps its stock.
 */
export async function listExpiredHolds(
  db: DatabaseOrTransaction,
  params: { now: Date; after?: string | undefined; limit: number },
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ orderId: reservations.orderId })
    .from(reservations)
    .where(
      and(
        eq(reservations.state, 'reserved'),
        lte(reservations.expiresAt, params.now),
        params.after ? gt(reservations.orderId, params.after) : undefined,
      ),
    )
    .orderBy(asc(reservations.orderId))
    .limit(params.limit);
  return rows.map((row) => row.orderId);
}

/**
 * The order is confirmed: its hold is no longer a deadline, the stock stays
 * reserved until it ships or is released. Idempotent; no movement (the
 * quantities do not change).
 */
export async function holdUntilShipped(db: DatabaseOrTransaction, params: { orderId: string }): Promise<void> {
  await db
    .update(reservations)
    .set({ expiresAt: null, updatedAt: sql`now()` })
    .where(and(eq(reservations.orderId, params.orderId), eq(reservations.state, 'reserved')));
}

/** Releases one order's expired hold; refused (`conflict`) when a line has not expired by `now` or it shipped. */
export function releaseExpiredHold(db: DatabaseOrTransaction, params: { orderId: string; now: Date }) {
  return settle(db, { orderId: params.orderId, to: 'released', reason: 'reservation_expired', expiredBy: params.now });
}

async function settle(
  db: DatabaseOrTransaction,
  params: { orderId: string; to: 'released' | 'committed'; reason: MovementReason; expiredBy?: Date },
): Promise<SettleOutcome> {
  const { orderId, to } = params;
  return db.transaction(async (tx) => {
    await lockOrder(tx, orderId);
    const existing = await linesOf(tx, orderId);
    if (existing.length === 0) return { kind: 'missing', orderId } as const;
    const open = existing.filter((line) => line.state === 'reserved');
    if (open.length === 0) {
      // Every line is final: the same request again is a no-op; the other one is refused.
      const settled = existing.every((line) => line.state === to);
      return settled
        ? { kind: to, orderId, lines: existing.map(toLine), replayed: true }
        : { kind: 'conflict', orderId, lines: existing.map(toLine) };
    }
    const expiredBy = params.expiredBy;
    if (expiredBy && !open.every((line) => line.expiresAt !== null && line.expiresAt <= expiredBy)) {
      return { kind: 'conflict', orderId, lines: existing.map(toLine) };
    }
    await lockSkus(
      tx,
      open.map((line) => line.sku),
    );
    const movements = await applyToStock(
      tx,
      open.map((line) => ({
        sku: line.sku,
        onHand: to === 'committed' ? -line.quantity : 0,
        reserved: -line.quantity,
      })),
    );
    await tx
      .update(reservations)
      .set({ state: to, updatedAt: sql`now()` })
      .where(and(eq(reservations.orderId, orderId), eq(reservations.state, 'reserved')));
    await recordMovements(tx, movements(params.reason, orderId));
    return {
      kind: to,
      orderId,
      lines: existing.map((line) => ({ ...toLine(line), state: to })),
      replayed: false,
    };
  });
}

/** Lines for the same SKU summed, sorted by SKU; bad quantities are a programming error of the caller. */
function sumLines(lines: readonly OrderLine[]): OrderLine[] {
  if (lines.length === 0) throw new RangeError('an order needs at least one line');
  const totals = new Map<string, number>();
  for (const line of lines) {
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
      throw new RangeError(`quantity of ${line.sku} must be a positive integer, got ${line.quantity}`);
    }
    totals.set(line.sku, (totals.get(line.sku) ?? 0) + line.quantity);
  }
  return [...totals].sort(([a], [b]) => compareSkus(a, b)).map(([sku, quantity]) => ({ sku, quantity }));
}

/** Byte order, the same as the database's `collate "C"` used for the lock order. */
function compareSkus(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** Serialises every call for one order (reserve, release, commit, expiry) for the rest of the transaction. */
async function lockOrder(tx: Transaction, orderId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`inventory.order:${orderId}`}, 0))`);
}

async function linesOf(tx: Transaction, orderId: string) {
  return tx
    .select()
    .from(reservations)
    .where(eq(reservations.orderId, orderId))
    .orderBy(sql`${reservations.sku} collate "C"`);
}

/** Row locks on the SKUs, taken in sorted order so two transactions never wait on each other in a cycle. */
async function lockSkus(tx: Transaction, skus: readonly string[]) {
  const rows = await tx
    .select()
    .from(stockItems)
    .where(inArray(stockItems.sku, [...skus]))
    .orderBy(sql`${stockItems.sku} collate "C"`)
    .for('update');
  return new Map(rows.map((row) => [row.sku, row]));
}

/**
 * Applies deltas to locked stock rows and returns a builder for their
 * movements (with the resulting figures), so the movement rows carry exactly
 * what the update produced.
 */
async function applyToStock(tx: Transaction, deltas: readonly { sku: string; onHand: number; reserved: number }[]) {
  const results: NewMovement[] = [];
  for (const delta of deltas) {
    const [row] = await tx
      .update(stockItems)
      .set({
        onHand: sql`${stockItems.onHand} + ${delta.onHand}`,
        reserved: sql`${stockItems.reserved} + ${delta.reserved}`,
        updatedAt: sql`now()`,
      })
      .where(eq(stockItems.sku, delta.sku))
      .returning();
    if (!row) throw new Error(`stock row ${delta.sku} vanished under its lock`);
    results.push({
      sku: delta.sku,
      actorId: null,
      deltaOnHand: delta.onHand,
      deltaReserved: delta.reserved,
      reason: 'order_reserved',
      onHandAfter: row.onHand,
      reservedAfter: row.reserved,
    });
  }
  return (reason: MovementReason, orderId: string): NewMovement[] =>
    results.map((movement) => ({ ...movement, reason, orderId }));
}

function toLine(row: typeof reservations.$inferSelect): ReservedLine {
  return { sku: row.sku, quantity: row.quantity, state: row.state };
}
