import { and, eq, sql } from 'drizzle-orm';
import { constraintViolation } from '../../platform/db/constraint-violation.js';
import type { DatabaseOrTransaction } from '../../platform/db/database.js';
import { type MovementRow, recordMovements } from './movements.js';
import { type StaffReason, stockItems, stockMovements } from './schema.js';

export type StockRow = typeof stockItems.$inferSelect;

/** Which way each staff reason may move stock on hand. */
export const staffReasonDirection: Record<StaffReason, 'in' | 'out' | 'either'> = {
  received: 'in',
  returned: 'in',
  damaged: 'out',
  lost: 'out',
  count_correction: 'either',
};

export type AdjustStockParams = {
  sku: string;
  /** Change of on hand: positive adds, negative removes; never 0. */
  delta: number;
  reason: StaffReason;
  note?: string | undefined;
  actorId: string;
  /** A retried request with the same key (per actor) applies nothing and answers the first movement. */
  idempotencyKey?: string | undefined;
};

export type AdjustStockOutcome =
  | { kind: 'applied'; movement: MovementRow; stock: StockRow; replayed: boolean }
  | { kind: 'missing' }
  | { kind: 'insufficient'; stock: StockRow }
  | { kind: 'key_reused'; movement: MovementRow };

/**
 * A staff adjustment of on hand, with its movement, in one transaction. The
 * SKU's row is locked first, so the availability check, the update and the
 * movement's resulting figures are one consistent step; the CHECK
 * constraints are the backstop. A refused adjustment writes nothing.
 */
export async function adjustStock(db: DatabaseOrTransaction, params: AdjustStockParams): Promise<AdjustStockOutcome> {
  try {
    return await db.transaction(async (tx) => {
      const [item] = await tx.select().from(stockItems).where(eq(stockItems.sku, params.sku)).for('no key update');
      if (!item) return { kind: 'missing' } as const;
      if (params.idempotencyKey !== undefined) {
        const previous = await findByKey(tx, params.actorId, params.idempotencyKey);
        if (previous) return replayOf(previous, item, params);
      }
      if (item.onHand + params.delta - item.reserved < 0) return { kind: 'insufficient', stock: item } as const;
      const [stock] = await tx
        .update(stockItems)
        .set({ onHand: sql`${stockItems.onHand} + ${params.delta}`, updatedAt: sql`now()` })
        .where(eq(stockItems.sku, params.sku))
        .returning();
      if (!stock) throw new Error(`stock row ${params.sku} vanished under its lock`);
      const [movement] = await recordMovements(tx, [
        {
          sku: params.sku,
          actorId: params.actorId,
          deltaOnHand: params.delta,
          deltaReserved: 0,
          reason: params.reason,
          note: params.note,
          onHandAfter: stock.onHand,
          reservedAfter: stock.reserved,
          idempotencyKey: params.idempotencyKey,
        },
      ]);
      if (!movement) throw new Error('insert returned no movement');
      return { kind: 'applied', movement, stock, replayed: false } as const;
    });
  } catch (err) {
    // The same key used at the same moment for another SKU: the unique index decided.
    if (
      params.idempotencyKey !== undefined &&
      constraintViolation(err)?.constraint === 'stock_movements_idempotency_key_idx'
    ) {
      const previous = await findByKey(db, params.actorId, params.idempotencyKey);
      if (previous) {
        const [item] = await db.select().from(stockItems).where(eq(stockItems.sku, params.sku));
        if (item) return replayOf(previous, item, params);
      }
    }
    throw err;
  }
}

async function findByKey(db: DatabaseOrTransaction, actorId: string, key: string) {
  const [row] = await db
    .select()
    .from(stockMovements)
    .where(and(eq(stockMovements.actorId, actorId), eq(stockMovements.idempotencyKey, key)));
  return row;
}

/** A retry answers the first outcome; the same key for a different request is the client's mistake. */
function replayOf(previous: MovementRow, stock: StockRow, params: AdjustStockParams): AdjustStockOutcome {
  const same =
    previous.sku === params.sku &&
    previous.deltaOnHand === params.delta &&
    previous.reason === params.reason &&
    previous.note === (params.note ?? '');
  return same
    ? { kind: 'applied', movement: previous, stock, replayed: true }
    : { kind: 'key_reused', movement: previous };
}

export async function setLowStockThreshold(
  db: DatabaseOrTransaction,
  params: { sku: string; threshold: number },
): Promise<StockRow | undefined> {
  const [row] = await db
    .update(stockItems)
    .set({ lowStockThreshold: params.threshold, updatedAt: sql`now()` })
    .where(eq(stockItems.sku, params.sku))
    .returning();
  return row;
}
