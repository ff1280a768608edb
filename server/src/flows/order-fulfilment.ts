import type { Database } from '../platform/db/database.js';
import type { EventHandler } from '../platform/events/consumer.js';
import { type Flow, flowHandlers } from '../platform/events/flow.js';
import { completePackTasks, createPackTasks } from './pack-orders.js';
import { confirmOrder, type OrderFlowDeps, rejectOrder, reserveStock } from './reserve-stock-for-orders.js';

/**
 * An order from checkout to the parcel leaving, across ordering, inventory
 * and todos, one step per event (each idempotent; ADR 0008, 0009, 0011):
 *
 *   reserve stock        OrderPlaced    → the order confirmed (OrderConfirmed)   undone by release stock (OrderCancelled)
 *                                          or rejected, in the same transaction
 *   confirm the order    StockReserved  → OrderConfirmed                  an earlier version's messages only; gives
 *   reject the order     StockRejected  → the order is rejected           the stock back if the order moved on
 *   create pack tasks    OrderConfirmed → "Pack order N" for the staff    undone by remove pack tasks (OrderCancelled)
 *   complete pack tasks  OrderShipped   → those tasks are done
 *
 * What can say no after a step: the customer or the shop cancelling
 * (OrderCancelled, which both compensations answer), a second verdict on a
 * redelivered OrderPlaced (confirm gives the stock back), and the expiry job,
 * which cancels an order whose confirmation never came and releases its hold
 * (flows/expire-unconfirmed-orders.ts; only holds an earlier version made
 * carry a deadline now).
 */
export const orderFulfilment: Flow<OrderFlowDeps> = {
  name: 'order fulfilment',
  steps: [reserveStock, confirmOrder, rejectOrder, createPackTasks, completePackTasks],
};

/** The order flow's handlers, for whichever process consumes the events (local or the worker). */
export function orderEventHandlers(options: { db: Database; now?: () => Date }): EventHandler[] {
  return flowHandlers(orderFulfilment, { db: options.db, now: options.now ?? (() => new Date()) });
}
