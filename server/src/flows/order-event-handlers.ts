import type { Database } from '../platform/db/database.js';
import { combineHandlers, type EventHandler } from '../platform/events/consumer.js';
import { packTasksForOrders } from './pack-orders.js';
import { reserveStockForOrders } from './reserve-stock-for-orders.js';

/** Every handler of the order flows, for whichever process consumes the events (local or the worker). */
export function orderEventHandlers(options: { db: Database; now?: () => Date }): Record<string, EventHandler> {
  return combineHandlers(reserveStockForOrders(options), packTasksForOrders(options));
}
