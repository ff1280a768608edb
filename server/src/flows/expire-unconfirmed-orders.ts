import { listExpiredHolds, releaseExpiredHold } from '../modules/inventory/public.js';
import { settlePendingOrder } from '../modules/ordering/public.js';
import type { Database } from '../platform/db/database.js';

/** Shown to the customer on the cancelled order. */
export const holdExpiredReason = 'Cancelled by the shop: the stock could not be confirmed before the hold expired';

type ExpirySummary = { cancelled: number; released: number };

/**
 * The reservation-expiry job. Stock is held for an order from OrderPlaced
 * until its confirmation, which ends the deadline (`holdUntilShipped`); if
 * confirmation never comes (StockReserved stuck in the dead letters, say),
 * the hold expires: a still pending order is cancelled with a reason
 * (OrderCancelled is announced) and the hold released, in one transaction;
 * the stray hold of an order cancelled or rejected meanwhile is released.
 * The order row is locked first, as confirmation does, so a confirmation
 * racing the job either wins (its hold is no longer expired and is kept) or
 * finds the order cancelled and gives the stock back.
 */
export async function expireUnconfirmedOrders(
  db: Database,
  params: { now: Date; batchSize?: number; signal?: AbortSignal },
): Promise<ExpirySummary> {
  const limit = params.batchSize ?? 100;
  const summary: ExpirySummary = { cancelled: 0, released: 0 };
  let after: string | undefined;
  while (!params.signal?.aborted) {
    const orderIds = await listExpiredHolds(db, { now: params.now, after, limit });
    for (const orderId of orderIds) {
      await db.transaction(async (tx) => {
        const cancelled = await settlePendingOrder(tx, { orderId, to: 'cancelled', reason: holdExpiredReason });
        if (cancelled.kind === 'changed') summary.cancelled++;
        const released = await releaseExpiredHold(tx, { orderId, now: params.now });
        if (released.kind === 'released' && !released.replayed) summary.released++;
      });
    }
    if (orderIds.length < limit) break;
    after = orderIds.at(-1);
  }
  return summary;
}
