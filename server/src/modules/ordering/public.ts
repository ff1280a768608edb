/**
 * Ordering's public surface: all that flows, the composition root and entry
 * points may use of it (a dependency-cruiser rule refuses any other import
 * from outside the module). Carts, checkout, orders and their states, and the
 * events those changes publish.
 */

export type { OrderingDeps } from './deps.js';
/** The events ordering publishes through the outbox, for the flows that answer them. */
export {
  type OrderCancelled,
  type OrderConfirmed,
  type OrderingEvent,
  type OrderPlaced,
  type OrderShipped,
  orderingEvents,
} from './events.js';
/** The scheduled pruning of spent idempotency keys. */
export { idempotencyKeyRetentionHours, pruneIdempotencyKeys } from './idempotency.js';
/** Settling an order once stock answered or its hold expired, under the order's lock. */
export {
  lockOrderToSettle,
  type SystemVerdict,
  settleLockedOrder,
  settlePendingOrder,
  shareLockOrderState,
} from './order-outcomes.js';
/** Orders per state: the back office's home page counts those waiting to be packed. */
export { countOrdersByState } from './order-queries.js';
/** Carts, checkout and orders, for customers and the back office. */
export { createOrderingRouter } from './ordering-router.js';
export type { CustomerEmails, ProductFacts, ProductLookup, StockCommitment } from './ports.js';
