import { holdUntilShipped, inventoryEvents, releaseOrder, reserveOrder } from '../modules/inventory/public.js';
import { orderingEvents, settlePendingOrder, shareLockOrderState } from '../modules/ordering/public.js';
import type { Database, DatabaseOrTransaction } from '../platform/db/database.js';
import { PermanentEventError } from '../platform/events/consumer.js';
import { defineSteps } from '../platform/events/flow.js';
import { enqueueEvent } from '../platform/events/outbox.js';

/** What the order flow's steps use. */
export type OrderFlowDeps = { db: Database; now: () => Date };
const step = defineSteps<OrderFlowDeps>();

/** How long stock is held for an order nobody confirms (the expiry job releases it). */
const reservationMinutes = 30;

/**
 * The stock half of the order flow: OrderPlaced → reserve every line or none
 * (inventory, idempotent by order id) → StockReserved | StockRejected →
 * ordering confirms or rejects the order; OrderCancelled → the reservation is
 * released.
 *
 * Messages arrive at least once and, with several consumers, not always in
 * order; every step is safe either way:
 * - stock decides only for an order that is still pending, under a share lock
 *   on it, so a cancel either came first (nothing is reserved) or waits and
 *   its OrderCancelled finds the reservation;
 * - a redelivered OrderPlaced after the decision changes nothing, and one
 *   that finds its reservation already made announces nothing new;
 * - a reservation that reaches an order settled otherwise meanwhile (rejected
 *   by an earlier verdict, cancelled) is given back at once.
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
  async run(placed, { db, now, envelope }) {
    await db.transaction(async (tx) => {
      const state = await shareLockOrderState(tx, placed.orderId);
      // The order is written in the same transaction as this event: without it, no retry can help.
      if (!state) throw new PermanentEventError(`OrderPlaced ${envelope.id}: no order ${placed.orderId}`);
      if (state !== 'pending') return;
      const outcome = await reserveOrder(tx, {
        orderId: placed.orderId,
        lines: placed.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
        expiresAt: new Date(now().getTime() + reservationMinutes * 60_000),
      });
      if (outcome.kind === 'reserved' && !outcome.replayed) {
        await enqueueEvent(tx, {
          event: inventoryEvents.StockReserved,
          key: placed.orderId,
          payload: { orderId: placed.orderId },
        });
      } else if (outcome.kind === 'insufficient') {
        await enqueueEvent(tx, {
          event: inventoryEvents.StockRejected,
          key: placed.orderId,
          payload: { orderId: placed.orderId, shortages: outcome.shortages },
        });
      }
      // 'conflict': the order's stock was already released or shipped; nothing to announce.
    });
  },
});

/** Its own compensation inside: a reservation that finds the order rejected or cancelled is given back. */
export const confirmOrder = step({
  name: 'confirm the order',
  on: inventoryEvents.StockReserved,
  async run({ orderId }, { db }) {
    await confirmReservedOrder(db, { orderId });
  },
});

/** Nothing was held, so nothing to undo. */
export const rejectOrder = step({
  name: 'reject the order',
  on: inventoryEvents.StockRejected,
  async run({ orderId, shortages }, { db }) {
    const reason = `Not enough stock: ${shortages.map((s) => `${s.sku} (${s.available} of ${s.requested})`).join(', ')}`;
    await settlePendingOrder(db, { orderId, to: 'rejected', reason });
  },
});

/**
 * Stock is reserved: the order is confirmed and, in the same transaction, its
 * hold stops being a deadline (the expiry job never sees it again). If the
 * order was rejected or cancelled meanwhile, the reservation is given back.
 */
export async function confirmReservedOrder(db: DatabaseOrTransaction, params: { orderId: string }): Promise<void> {
  const { orderId } = params;
  await db.transaction(async (tx) => {
    const outcome = await settlePendingOrder(tx, { orderId, to: 'confirmed' });
    if (outcome.kind === 'changed') await holdUntilShipped(tx, { orderId });
    else if (outcome.state === 'rejected' || outcome.state === 'cancelled') await releaseOrder(tx, { orderId });
  });
}
