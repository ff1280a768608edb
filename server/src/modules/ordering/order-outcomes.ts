import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction, Transaction } from '../../platform/db/database.js';
import { canTransition } from './order-states.js';
import { type OrderState, orders } from './schema.js';

export type OutcomeResult = { kind: 'changed' | 'unchanged' | 'missing'; state?: OrderState };

/**
 * Stock's verdict on a pending order. Idempotent: a redelivered verdict, or
 * one that arrives after the order moved on (cancelled meanwhile), changes
 * nothing. The row lock makes the check and the change one step.
 */
export async function settlePendingOrder(
  db: DatabaseOrTransaction,
  params: { orderId: string; to: 'confirmed' | 'rejected'; reason?: string },
): Promise<OutcomeResult> {
  return db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, params.orderId)).for('update');
    if (!order) return { kind: 'missing' };
    if (!canTransition(order.state, params.to)) return { kind: 'unchanged', state: order.state };
    await tx
      .update(orders)
      .set({ state: params.to, stateReason: params.reason ?? null, version: order.version + 1, updatedAt: new Date() })
      .where(eq(orders.id, order.id));
    return { kind: 'changed', state: params.to };
  });
}

/**
 * The order's state, share-locked for the rest of the caller's transaction,
 * for stock deciding on it: a cancel (which locks the row for update) waits
 * until stock's decision is committed, so its OrderCancelled always finds the
 * reservation to release. Undefined when there is no such order.
 */
export async function lockOrderForStock(tx: Transaction, orderId: string): Promise<OrderState | undefined> {
  const [order] = await tx.select({ state: orders.state }).from(orders).where(eq(orders.id, orderId)).for('share');
  return order?.state;
}
