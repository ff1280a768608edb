import { and, asc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { type DatabaseOrTransaction, inTransaction, sqlRows, type Transaction } from '../../platform/db/database.js';
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
  /**
   * When an unconfirmed reservation may be released by `releaseExpiredHold`;
   * null when the order is confirmed in the same transaction (held until it ships).
   */
  expiresAt: Date | null;
};

/**
 * Reserves every line of an order or none, with no lock beyond the rows it
 * writes, and (in the caller's transaction) no savepoint: the order's
 * reservation rows are claimed first (`on conflict do nothing`, so a
 * concurrent call for the same order waits for the first one's commit and
 * then finds its rows), then each SKU gets one conditional
 * `reserved = reserved + q where on_hand - reserved >= q`, in SKU order so
 * concurrent orders sharing SKUs queue rather than deadlock. A short line
 * (rare) is settled under row locks and whatever was done is undone in the
 * same transaction; the CHECK on available stock is the last word on
 * overselling either way.
 */
export async function reserveOrder(db: DatabaseOrTransaction, params: ReserveOrderParams): Promise<ReserveOutcome> {
  const wanted = sumLines(params.lines);
  const { orderId } = params;
  return inTransaction(db, async (tx) => {
    const claimed = await claimReservations(tx, { orderId, lines: wanted, expiresAt: params.expiresAt });
    if (claimed.size < wanted.length) {
      const existing = (await linesOf(tx, orderId)).filter((line) => !claimed.has(line.sku));
      if (existing.length > 0) {
        // The order was reserved before (a replay) or otherwise: what this call claimed is not its own.
        if (claimed.size > 0) await unclaimReservations(tx, orderId, [...claimed]);
        const same =
          existing.every((line) => line.state === 'reserved') &&
          existing.length === wanted.length &&
          existing.every((line, i) => line.sku === wanted[i]?.sku && line.quantity === wanted[i]?.quantity);
        if (!same) return { kind: 'conflict', orderId, lines: existing.map(toLine) };
        const expiresAt = existing[0]?.expiresAt ?? null;
        return { kind: 'reserved', orderId, lines: existing.map(toLine), expiresAt, replayed: true };
      }
      // No earlier reservation: a SKU without a stock row (nothing available) was left unclaimed.
    }
    const moved: NewMovement[] = [];
    for (const line of wanted) {
      if (!claimed.has(line.sku)) break;
      const [row] = await tx
        .update(stockItems)
        .set({ reserved: sql`${stockItems.reserved} + ${line.quantity}`, updatedAt: sql`now()` })
        .where(
          and(eq(stockItems.sku, line.sku), sql`${stockItems.onHand} - ${stockItems.reserved} >= ${line.quantity}`),
        )
        .returning({ onHand: stockItems.onHand, reserved: stockItems.reserved });
      if (!row) break;
      moved.push({
        sku: line.sku,
        actorId: null,
        deltaOnHand: 0,
        deltaReserved: line.quantity,
        reason: 'order_reserved',
        onHandAfter: row.onHand,
        reservedAfter: row.reserved,
        orderId,
      });
    }
    if (moved.length < wanted.length) {
      const rest = await reserveRestUnderLock(tx, { orderId, wanted, done: moved.length });
      if (rest.kind === 'insufficient') {
        await undoReserved(tx, wanted.slice(0, moved.length));
        if (claimed.size > 0) await unclaimReservations(tx, orderId, [...claimed]);
        return { kind: 'insufficient', orderId, shortages: rest.shortages };
      }
      moved.push(...rest.moved);
    }
    await recordMovements(tx, moved);
    return {
      kind: 'reserved',
      orderId,
      lines: wanted.map((line) => ({ ...line, state: 'reserved' as const })),
      expiresAt: params.expiresAt,
      replayed: false,
    };
  });
}

/**
 * Inserts the order's reservation rows, one per SKU that has a stock row; a
 * row the order already has is left alone (and waited for while another
 * transaction is inserting it). Returns the SKUs this call inserted.
 */
async function claimReservations(
  tx: Transaction,
  params: { orderId: string; lines: readonly OrderLine[]; expiresAt: Date | null },
): Promise<Set<string>> {
  const expiresAt = params.expiresAt?.toISOString() ?? null;
  const inserted = await sqlRows<{ sku: string }>(
    tx,
    sql`
    insert into ${reservations} (order_id, sku, quantity, expires_at)
    select ${params.orderId}::uuid, wanted.sku, wanted.quantity, ${expiresAt}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(params.lines)}::jsonb) as wanted(sku text, quantity int)
      join ${stockItems} on ${stockItems.sku} = wanted.sku
     -- One order for every caller: two calls for one order wait on each other's rows, never in a cycle.
     order by wanted.sku collate "C"
    on conflict do nothing
    returning sku`,
  );
  return new Set(inserted.map((row) => row.sku));
}

async function unclaimReservations(tx: Transaction, orderId: string, skus: readonly string[]): Promise<void> {
  await tx
    .delete(reservations)
    .where(
      and(eq(reservations.orderId, orderId), inArray(reservations.sku, [...skus]), eq(reservations.state, 'reserved')),
    );
}

/**
 * A line could not be reserved at once (too little available, or no stock
 * row): every SKU of the order is locked in SKU order (the first `done` are
 * already ours), and either the rest is reserved after all (stock came in
 * meanwhile) or the locked rows name the shortages.
 */
async function reserveRestUnderLock(
  tx: Transaction,
  params: { orderId: string; wanted: readonly OrderLine[]; done: number },
): Promise<{ kind: 'reserved'; moved: NewMovement[] } | { kind: 'insufficient'; shortages: Shortage[] }> {
  const rest = params.wanted.slice(params.done);
  const stock = await lockSkus(
    tx,
    params.wanted.map((line) => line.sku),
  );
  const shortages = rest.flatMap((line) => {
    const row = stock.get(line.sku);
    const available = row ? row.onHand - row.reserved : 0;
    return available < line.quantity ? [{ sku: line.sku, requested: line.quantity, available }] : [];
  });
  if (shortages.length > 0) return { kind: 'insufficient', shortages };
  const movements = await applyToStock(
    tx,
    rest.map((line) => ({ sku: line.sku, onHand: 0, reserved: line.quantity })),
  );
  return { kind: 'reserved', moved: movements('order_reserved', params.orderId) };
}

/** Gives back what this call added to `reserved` (no movement was written for it). */
async function undoReserved(tx: Transaction, lines: readonly OrderLine[]): Promise<void> {
  if (lines.length === 0) return;
  await tx.execute(sql`
    update ${stockItems} set reserved = ${stockItems.reserved} - undo.quantity
      from jsonb_to_recordset(${JSON.stringify(lines)}::jsonb) as undo(sku text, quantity int)
     where ${stockItems.sku} = undo.sku`);
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
  return inTransaction(db, async (tx) => {
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

/**
 * Row locks on the SKUs, taken in sorted order so two transactions never wait
 * on each other in a cycle. NO KEY UPDATE, the lock an UPDATE takes: FOR
 * UPDATE would also wait for the key-share locks that another order's
 * reservation and movement inserts take through their foreign keys, out of
 * that order.
 */
async function lockSkus(tx: Transaction, skus: readonly string[]) {
  const rows = await tx
    .select()
    .from(stockItems)
    .where(inArray(stockItems.sku, [...skus]))
    .orderBy(sql`${stockItems.sku} collate "C"`)
    .for('no key update');
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
