import { z } from 'zod';
import { holdUntilShipped, releaseOrder, reserveOrder } from '../modules/inventory/public.js';
import {
  orderCancelledSchema,
  orderingEvents,
  orderPlacedSchema,
  settlePendingOrder,
  shareLockOrderState,
} from '../modules/ordering/public.js';
import type { Database, DatabaseOrTransaction } from '../platform/db/database.js';
import { type EventHandler, PermanentEventError, parsePayload } from '../platform/events/consumer.js';
import { enqueueEvent } from '../platform/events/outbox.js';

/** Stock's answers to OrderPlaced, shared by this flow's producer and consumer steps. */
export const stockReservedSchema = z.object({ orderId: z.uuid() });
export const stockRejectedSchema = z.object({
  orderId: z.uuid(),
  shortages: z.array(z.object({ sku: z.string(), requested: z.int(), available: z.int() })),
});
export const stockEvents = { StockReserved: 'StockReserved', StockRejected: 'StockRejected' } as const;

/** How long stock is held for an order nobody confirms (the expiry job releases it). */
const reservationMinutes = 30;

/**
 * OrderPlaced → reserve every line or none (inventory, idempotent by order id)
 * → StockReserved | StockRejected → ordering confirms or rejects the order;
 * OrderCancelled → the reservation is released.
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
export function reserveStockForOrders(options: { db: Database; now?: () => Date }): Record<string, EventHandler> {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  return {
    [orderingEvents.OrderPlaced]: async (envelope) => {
      const placed = parsePayload(orderPlacedSchema, envelope);
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
            type: stockEvents.StockReserved,
            key: placed.orderId,
            payload: { orderId: placed.orderId },
          });
        } else if (outcome.kind === 'insufficient') {
          await enqueueEvent(tx, {
            type: stockEvents.StockRejected,
            key: placed.orderId,
            payload: { orderId: placed.orderId, shortages: outcome.shortages },
          });
        }
        // 'conflict': the order's stock was already released or shipped; nothing to announce.
      });
    },
    [stockEvents.StockReserved]: async (envelope) => {
      const { orderId } = parsePayload(stockReservedSchema, envelope);
      await confirmReservedOrder(db, { orderId });
    },
    [stockEvents.StockRejected]: async (envelope) => {
      const { orderId, shortages } = parsePayload(stockRejectedSchema, envelope);
      const reason = `Not enough stock: ${shortages.map((s) => `${s.sku} (${s.available} of ${s.requested})`).join(', ')}`;
      await settlePendingOrder(db, { orderId, to: 'rejected', reason });
    },
    [orderingEvents.OrderCancelled]: async (envelope) => {
      const { orderId } = parsePayload(orderCancelledSchema, envelope);
      await releaseOrder(db, { orderId });
    },
  };
}

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
