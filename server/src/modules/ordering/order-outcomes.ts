import { eq } from 'drizzle-orm';
import { type DatabaseOrTransaction, inTransaction, type Transaction } from '../../platform/db/database.js';
import { lockOrder, moveOrder } from './order-state-changes.js';
import { type OrderRow, type OrderState, orders } from './schema.js';

export type OutcomeResult = { kind: 'changed' | 'unchanged' | 'missing'; state?: OrderState };

/**
 * A pending order settled by the system: stock's verdict (confirmed,
 * rejected) or the expiry job's cancellation. Only a pending order moves;
 * a redelivered verdict, or one that arrives after the order moved on,
 * changes nothing. The row lock makes the check and the change one step;
 * the move announces its event (OrderConfirmed, OrderCancelled) in the same
 * transaction.
 */
export async function settlePendingOrder(
  db: DatabaseOrTransaction,
  params: { orderId: string; to: SystemVerdict; reason?: string },
): Promise<OutcomeResult> {
  return inTransaction(db, async (tx) => {
    const order = await lockOrderToSettle(tx, params.orderId);
    if (!order) return { kind: 'missing' };
    return settleLockedOrder(tx, { order, to: params.to, reason: params.reason });
  });
}

export type SystemVerdict = 'confirmed' | 'rejected' | 'cancelled';

/**
 * The order locked for update, for a step that decides its verdict in the
 * same transaction (stock reserving, then confirming or rejecting): a cancel
 * waits until the verdict is committed, and two deliveries of one event take
 * turns. Undefined when there is no such order.
 */
export function lockOrderToSettle(tx: Transaction, orderId: string): Promise<OrderRow | undefined> {
  return lockOrder(tx, { orderId });
}

/** `settlePendingOrder` on an order the caller locked with `lockOrderToSettle`. */
export async function settleLockedOrder(
  tx: Transaction,
  params: { order: OrderRow; to: SystemVerdict; reason?: string | undefined },
): Promise<OutcomeResult> {
  const { order } = params;
  if (order.state !== 'pending') return { kind: 'unchanged', state: order.state };
  await moveOrder(tx, { order, to: params.to, actorId: null, reason: params.reason });
  return { kind: 'changed', state: params.to };
}

/**
 * The order's state, share-locked for the rest of the caller's transaction,
 * for a step deciding on it (stock reserving, the pack task): a cancel or a
 * shipment (which lock the row for update) waits until that decision is
 * committed, so its own event always finds what the decision made.
 * Undefined when there is no such order.
 */
export async function shareLockOrderState(tx: Transaction, orderId: string): Promise<OrderState | undefined> {
  const [order] = await tx.select({ state: orders.state }).from(orders).where(eq(orders.id, orderId)).for('share');
  return order?.state;
}
