import type { DatabaseOrTransaction } from '../../platform/db/database.js';
import { type MovementReason, stockMovements } from './schema.js';

export type MovementRow = typeof stockMovements.$inferSelect;

export type NewMovement = {
  sku: string;
  actorId: string | null;
  deltaOnHand: number;
  deltaReserved: number;
  reason: MovementReason;
  note?: string | undefined;
  onHandAfter: number;
  reservedAfter: number;
  orderId?: string | null | undefined;
  idempotencyKey?: string | null | undefined;
};

/** Appends movements; call it in the transaction that changed the stock rows, while their locks are held. */
export async function recordMovements(db: DatabaseOrTransaction, movements: readonly NewMovement[]) {
  if (movements.length === 0) return [];
  return db
    .insert(stockMovements)
    .values(
      movements.map((m) => ({
        sku: m.sku,
        actorId: m.actorId,
        deltaOnHand: m.deltaOnHand,
        deltaReserved: m.deltaReserved,
        reason: m.reason,
        note: m.note ?? '',
        onHandAfter: m.onHandAfter,
        reservedAfter: m.reservedAfter,
        orderId: m.orderId ?? null,
        idempotencyKey: m.idempotencyKey ?? null,
      })),
    )
    .returning();
}
