import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../platform/db/database.js';
import { enqueueEvent } from '../../platform/events/outbox.js';
import { AppError } from '../../platform/http/errors.js';
import type { ExpectedVersions } from '../../platform/http/etag.js';
import type { MetricName } from '../../platform/observability/catalogue.js';
import { metrics } from '../../platform/observability/metrics.js';
import { type OrderCancelled, type OrderConfirmed, type OrderShipped, orderingEvents } from './events.js';
import { assertTransition } from './order-states.js';
import { type OrderRow, type OrderState, orderEvents, orders } from './schema.js';

/**
 * Every change of an order's state goes through `moveOrder`, on a row locked
 * by `lockOrder`: the transition table decides, the history row and the
 * event the change announces are written in the same transaction.
 */

/** Locks an order for a state change; a customer's only when it is theirs (undefined otherwise). */
export async function lockOrder(tx: Transaction, params: { orderId: string; userId?: string | undefined }) {
  const [row] = await tx
    .select()
    .from(orders)
    .where(
      and(eq(orders.id, params.orderId), params.userId === undefined ? undefined : eq(orders.userId, params.userId)),
    )
    .for('update');
  return row;
}

export type MoveOrderParams = {
  /** The row as `lockOrder` returned it. */
  order: OrderRow;
  to: OrderState;
  /** Who asked: a customer or staff member; null when the system did (stock's verdict). */
  actorId: string | null;
  reason?: string | undefined;
};

/** Throws ILLEGAL_ORDER_TRANSITION (409) when the table does not allow it. */
export async function moveOrder(tx: Transaction, params: MoveOrderParams): Promise<OrderRow> {
  const { order, to } = params;
  assertTransition(order.state, to);
  const [row] = await tx
    .update(orders)
    .set({ state: to, stateReason: params.reason ?? null, version: sql`${orders.version} + 1`, updatedAt: sql`now()` })
    .where(eq(orders.id, order.id))
    .returning();
  if (!row) throw new Error(`order ${order.id} vanished under its lock`);
  await recordOrderEvent(tx, {
    orderId: order.id,
    from: order.state,
    to,
    actorId: params.actorId,
    reason: params.reason,
  });
  await announce(tx, row);
  recordOutcome(order, to);
  return row;
}

const outcomeMetric = {
  confirmed: 'OrdersConfirmed',
  rejected: 'OrdersRejected',
  cancelled: 'OrdersCancelled',
} as const satisfies Partial<Record<OrderState, MetricName>>;

/**
 * Counted as the move is written (inside its transaction): a move whose transaction then rolls back is
 * counted too. Rare (a later step of the same handler failing), and a metric shows a trend, not a ledger.
 */
function recordOutcome(order: OrderRow, to: OrderState): void {
  if (!(to in outcomeMetric)) return;
  metrics.count(outcomeMetric[to as keyof typeof outcomeMetric]);
  if (order.state === 'pending' && (to === 'confirmed' || to === 'rejected')) {
    metrics.observe('OrderSettleLatency', Date.now() - order.createdAt.getTime());
  }
}

export async function recordOrderEvent(
  tx: Transaction,
  params: {
    orderId: string;
    from: OrderState | null;
    to: OrderState;
    actorId: string | null;
    reason?: string | undefined;
  },
) {
  await tx.insert(orderEvents).values({
    orderId: params.orderId,
    fromState: params.from,
    toState: params.to,
    actorId: params.actorId,
    reason: params.reason ?? null,
    // The time of the change itself (after the lock), not of the transaction's start: history stays in order.
    at: sql`clock_timestamp()`,
  });
}

/** The events other modules react to, keyed by the order so they stay in order. */
async function announce(tx: Transaction, order: OrderRow) {
  const base = { orderId: order.id, userId: order.userId };
  switch (order.state) {
    case 'confirmed': {
      const payload: OrderConfirmed = { ...base, orderNumber: order.number };
      await enqueueEvent(tx, { event: orderingEvents.OrderConfirmed, key: order.id, payload });
      return;
    }
    case 'shipped': {
      const payload: OrderShipped = { ...base, orderNumber: order.number };
      await enqueueEvent(tx, { event: orderingEvents.OrderShipped, key: order.id, payload });
      return;
    }
    case 'cancelled': {
      // Stock listens: the reservation (if any) is released.
      const payload: OrderCancelled = base;
      await enqueueEvent(tx, { event: orderingEvents.OrderCancelled, key: order.id, payload });
      return;
    }
    default:
      return;
  }
}

export type TransitionOrderParams = {
  orderId: string;
  to: OrderState;
  /** Set when a customer asks: only their own order; another's answers 404. */
  userId?: string | undefined;
  actorId: string;
  reason?: string | undefined;
  /** The versions the caller's If-Match accepts (staff); a stale one throws `onStale(current)`. */
  expected?: ExpectedVersions | undefined;
  onStale?: ((version: number) => Error) | undefined;
  /** Work that must succeed in the same transaction for the move to happen (shipping commits stock). */
  alongside?: ((tx: Transaction, order: OrderRow) => Promise<void>) | undefined;
};

/**
 * A person's request to move an order (a customer's cancel, staff shipping
 * it): lock, 404 when it is not theirs to see, 412 when the caller's version
 * is stale, 409 when the table forbids it, then the move. Of two concurrent
 * requests on one order, the second waits for the lock and then sees the
 * first one's result.
 */
export async function transitionOrder(tx: Transaction, params: TransitionOrderParams): Promise<OrderRow> {
  const order = await lockOrder(tx, { orderId: params.orderId, userId: params.userId });
  if (!order) throw new AppError('NOT_FOUND', 'No such order');
  const { expected, onStale } = params;
  if (expected !== undefined && expected !== 'any' && !expected.includes(order.version)) {
    throw (onStale ?? staleOrder)(order.version);
  }
  assertTransition(order.state, params.to);
  await params.alongside?.(tx, order);
  return moveOrder(tx, { order, to: params.to, actorId: params.actorId, reason: params.reason });
}

function staleOrder(version: number) {
  return new AppError('PRECONDITION_FAILED', `The order has changed since; its current version is ${version}`);
}
