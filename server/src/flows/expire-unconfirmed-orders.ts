import { listExpiredHolds, releaseExpiredHold } from '../modules/inventory/reservations.js';
import { cancelUnconfirmedOrder, orderStatesOf } from '../modules/ordering/order-outcomes.js';
import type { OrderState } from '../modules/ordering/schema.js';
import type { Database } from '../platform/db/database.js';

/** Shown to the customer on the cancelled order. */
export const holdExpiredReason = 'Cancelled by the shop: the stock could not be confirmed before the hold expired';

/** Orders in these states keep their stock until it ships (or is released by a cancel). */
const keepsStock: ReadonlySet<OrderState> = new Set(['confirmed', 'shipped', 'delivered']);

export type ExpirySummary = { cancelled: number; released: number; kept: number };

/**
 * The reservation-expiry job. Stock is held for an order from OrderPlaced
 * until its confirmation; if confirmation never comes (StockReserved stuck
 * in the dead letters, say), the hold expires:
 * - a still pending order is cancelled with a reason (OrderCancelled is
 *   announced) and its stock released, in one transaction;
 * - a hold of an order already cancelled, rejected or unknown is released;
 * - a confirmed order keeps its stock: its hold is not a deadline any more.
 * The order row is locked first, so a confirmation racing with the job
 * either wins (the order stays confirmed, stock held) or finds the order
 * cancelled (and changes nothing).
 */
export async function expireUnconfirmedOrders(
  db: Database,
  params: { now: Date; batchSize?: number; signal?: AbortSignal },
): Promise<ExpirySummary> {
  const limit = params.batchSize ?? 100;
  const summary: ExpirySummary = { cancelled: 0, released: 0, kept: 0 };
  let after: string | undefined;
  while (!params.signal?.aborted) {
    const orderIds = await listExpiredHolds(db, { now: params.now, after, limit });
    const states = await orderStatesOf(db, orderIds);
    for (const orderId of orderIds) {
      const state = states.get(orderId);
      if (state && keepsStock.has(state)) {
        summary.kept++;
        continue;
      }
      await db.transaction(async (tx) => {
        if (state === 'pending') {
          const outcome = await cancelUnconfirmedOrder(tx, { orderId, reason: holdExpiredReason });
          if (outcome.kind === 'unchanged' && outcome.state && keepsStock.has(outcome.state)) {
            summary.kept++;
            return;
          }
          if (outcome.kind === 'changed') summary.cancelled++;
        }
        const released = await releaseExpiredHold(tx, { orderId, now: params.now });
        if (released.kind === 'released' && !released.replayed) summary.released++;
      });
    }
    if (orderIds.length < limit) break;
    after = orderIds.at(-1);
  }
  return summary;
}
