import {
  holdUntilShipped,
  inventoryEvents,
  releaseOrder,
  reserveOrder,
  type Shortage,
} from '../modules/inventory/public.js';
import {
  lockOrderToSettle,
  orderingEvents,
  settleLockedOrder,
  settlePendingOrder,
} from '../modules/ordering/public.js';
import { type Database, type DatabaseOrTransaction, inTransaction } from '../platform/db/database.js';
import { acknowledgeWithin, PermanentEventError } from '../platform/events/consumer.js';
import { defineSteps } from '../platform/events/flow.js';

/** What the order flow's steps use. */
export type OrderFlowDeps = { db: Database; now: () => Date };
const step = defineSteps<OrderFlowDeps>();

/**
 * The stock half of the order flow: OrderPlaced → reserve every line or none
 * (inventory, idempotent by order id) and, in the same transaction, the
 * order is confirmed (OrderConfirmed) or rejected with the shortages;
 * OrderCancelled → the reservation is released.
 *
 * One transaction, because a verdict written apart from the reservation
 * cost a second message, relay and consumer turn per order, and left a
 * window (reserved, not yet confirmed) that the expiry job had to watch.
 * StockReserved and StockRejected are no longer written; their steps remain
 * so messages queued by an earlier version still settle their orders.
 *
 * Messages arrive at least once and, with several consumers, not always in
 * order; every step is safe either way:
 * - stock decides only for an order that is still pending, under the
 *   order's row lock, so a cancel either came first (nothing is reserved)
 *   or waits and its OrderCancelled finds the reservation; two deliveries
 *   of one OrderPlaced take turns, and the second finds the order settled;
 * - a reservation that reaches an order settled otherwise meanwhile (a
 *   verdict of an earlier version's message) is given back at once.
 */

/** Undoes `reserveStock`: the order was cancelled (by its customer, the shop, or the expiry job). */
export const releaseStock = step({
  name: 'release stock',
  on: orderingEvents.OrderCancelled,
  async run({ orderId }, { db }) {
    await releaseOrder(db, { orderId });
  },
});

export const reserveStock = step({
  name: 'reserve stock',
  on: orderingEvents.OrderPlaced,
  undoneBy: releaseStock,
  async run(placed, { db, envelope }) {
    await db.transaction(async (tx) => {
      // The message is done exactly when this verdict commits.
      await acknowledgeWithin(tx);
      const order = await lockOrderToSettle(tx, placed.orderId);
      // The order is written in the same transaction as this event: without it, no retry can help.
      if (!order) throw new PermanentEventError(`OrderPlaced ${envelope.id}: no order ${placed.orderId}`);
      if (order.state !== 'pending') return;
      const outcome = await reserveOrder(tx, {
        orderId: placed.orderId,
        lines: placed.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
        // Confirmed below in this transaction: held until it ships.
        expiresAt: null,
      });
      if (outcome.kind === 'reserved') {
        // A reservation an earlier version made (with a deadline) and did not confirm yet.
        if (outcome.replayed) await holdUntilShipped(tx, { orderId: placed.orderId });
        await settleLockedOrder(tx, { order, to: 'confirmed' });
      } else if (outcome.kind === 'insufficient') {
        await settleLockedOrder(tx, { order, to: 'rejected', reason: shortageReason(outcome.shortages) });
      }
      // 'conflict': the order's stock was already released or shipped; nothing to decide.
    });
  },
});

function shortageReason(shortages: readonly Shortage[]): string {
  return `Not enough stock: ${shortages.map((s) => `${s.sku} (${s.available} of ${s.requested})`).join(', ')}`;
}

/**
 * For StockReserved written by an earlier version. Its own compensation
 * inside: a reservation that finds the order rejected or cancelled is given back.
 */
export const confirmOrder = step({
  name: 'confirm the order',
  on: inventoryEvents.StockReserved,
  async run({ orderId }, { db }) {
    await confirmReservedOrder(db, { orderId });
  },
});

/** For StockRejected written by an earlier version. Nothing was held, so nothing to undo. */
export const rejectOrder = step({
  name: 'reject the order',
  on: inventoryEvents.StockRejected,
  async run({ orderId, shortages }, { db }) {
    await settlePendingOrder(db, { orderId, to: 'rejected', reason: shortageReason(shortages) });
  },
});

/**
 * Stock is reserved: the order is confirmed and, in the same transaction, its
 * hold stops being a deadline (the expiry job never sees it again). If the
 * order was rejected or cancelled meanwhile, the reservation is given back.
 */
export async function confirmReservedOrder(db: DatabaseOrTransaction, params: { orderId: string }): Promise<void> {
  const { orderId } = params;
  await inTransaction(db, async (tx) => {
    const outcome = await settlePendingOrder(tx, { orderId, to: 'confirmed' });
    if (outcome.kind === 'changed') await holdUntilShipped(tx, { orderId });
    else if (outcome.state === 'rejected' || outcome.state === 'cancelled') await releaseOrder(tx, { orderId });
  });
}
