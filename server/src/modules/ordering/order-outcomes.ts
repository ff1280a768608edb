import { eq, inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction, Transaction } from '../../platform/db/database.js';
import { lockOrder, moveOrder } from './order-state-changes.js';
import { canTransition } from './order-states.js';
import { type OrderState, orders } from './schema.js';

export type OutcomeResult = { kind: 'changed' | 'unchanged' | 'missing'; state?: OrderState };

/**
 * Stock's verdict on a pending order. Idempotent: a redelivered verdict, or
 * one that arrives after the order moved on (cancelled meanwhile), changes
 * nothing. The row lock makes the check and the change one step; confirming
 * announces OrderConfirmed in the same transaction.
 */
export async function settlePendingOrder(
  db: DatabaseOrTransaction,
  params: { orderId: string; to: 'confirmed' | 'rejected'; reason?: string },
): Promise<OutcomeResult> {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, { orderId: params.orderId });
    if (!order) return { kind: 'missing' };
    if (!canTransition(order.state, params.to)) return { kind: 'unchanged', state: order.state };
    await moveOrder(tx, { order, to: params.to, actorId: null, reason: params.reason });
    return { kind: 'changed', state: params.to };
  });
}

/**
 * The order's state, share-locked for the rest of the caller's transaction,
 * for a step deciding on it (stock reserving, the pack task): a cancel or a
 * shipment (which lock the row for update) waits until that decision is
 * committed, so its own event always finds what the decision made.
 * Undefined when there is no such order.
 */
export async function lockOrderForStock(tx: Transaction, orderId: string): Promise<OrderState | undefined> {
  const [order] = await tx.select({ state: orders.state }).from(orders).where(eq(orders.id, orderId)).for('share');
  return order?.state;
}

/** The current state of each of these orders (missing ones are absent from the map). */
export async function orderStatesOf(
  db: DatabaseOrTransaction,
  orderIds: readonly string[],
): Promise<Map<string, OrderState>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db
    .select({ id: orders.id, state: orders.state })
    .from(orders)
    .where(inArray(orders.id, [...orderIds]));
  return new Map(rows.map((row) => [row.id, row.state]));
}

/**
 * A pending order that stock never confirmed in time is cancelled by the
 * shop, with the reason shown to the customer; OrderCancelled is announced
 * as for any cancellation. Only a pending order: one confirmed (or settled
 * otherwise) meanwhile is left alone.
 */
export async function cancelUnconfirmedOrder(
  db: DatabaseOrTransaction,
  params: { orderId: string; reason: string },
): Promise<OutcomeResult> {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, { orderId: params.orderId });
    if (!order) return { kind: 'missing' };
    if (order.state !== 'pending') return { kind: 'unchanged', state: order.state };
    await moveOrder(tx, { order, to: 'cancelled', actorId: null, reason: params.reason });
    return { kind: 'changed', state: 'cancelled' };
  });
}
