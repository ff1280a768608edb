import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../platform/db/database.js';
import { escapeLike } from '../../platform/db/escape-like.js';
import { keyset, newestFirst } from '../../platform/db/keyset.js';
import type { CustomerEmails } from './ports.js';
import { type OrderState, orderEvents, orderLines, orderStates, orders } from './schema.js';

/** One user's order, or undefined (also when it is another user's); without `userId`, anyone's (staff). */
export async function getOrder(db: DatabaseOrTransaction, params: { orderId: string; userId?: string | undefined }) {
  const [order] = await db
    .select()
    .from(orders)
    .where(
      and(eq(orders.id, params.orderId), params.userId === undefined ? undefined : eq(orders.userId, params.userId)),
    );
  if (!order) return undefined;
  const lines = await db
    .select()
    .from(orderLines)
    .where(eq(orderLines.orderId, order.id))
    .orderBy(asc(orderLines.lineNo));
  return { ...order, lines };
}

const summaryColumns = {
  id: orders.id,
  number: orders.number,
  state: orders.state,
  stateReason: orders.stateReason,
  total: orders.total,
  deliveryDate: orders.deliveryDate,
  deliverySlot: orders.deliverySlot,
  paymentMethod: orders.paymentMethod,
  createdAt: orders.createdAt,
  updatedAt: orders.updatedAt,
  itemCount:
    sql<number>`(select coalesce(sum(${orderLines.quantity}), 0) from ${orderLines} where ${orderLines.orderId} = ${orders.id})`.mapWith(
      Number,
    ),
};

export async function listOrders(
  db: DatabaseOrTransaction,
  params: { userId: string; cursor?: string | undefined; limit: number },
) {
  const paging = keyset(newestFirst(orders.createdAt, orders.id), params.cursor);
  const rows = await db
    .select({ ...summaryColumns, ...paging.select })
    .from(orders)
    .where(and(eq(orders.userId, params.userId), paging.after))
    .orderBy(...paging.orderBy)
    .limit(params.limit + 1);
  return paging.page(rows, params.limit);
}

export type ListAllOrdersParams = {
  state?: OrderState | undefined;
  /** Digits: an order number; anything else: part of the customer's email. */
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
  emails: CustomerEmails;
};

/** Every customer's orders, newest first (the back office). */
export async function listAllOrders(db: DatabaseOrTransaction, params: ListAllOrdersParams) {
  const paging = keyset(newestFirst(orders.createdAt, orders.id), params.cursor);
  const email = params.emails.email(orders.userId);
  const rows = await db
    .select({ ...summaryColumns, customerEmail: email, ...paging.select })
    .from(orders)
    .where(and(params.state ? eq(orders.state, params.state) : undefined, search(params.q, email), paging.after))
    .orderBy(...paging.orderBy)
    .limit(params.limit + 1);
  return paging.page(rows, params.limit);
}

function search(q: string | undefined, email: SQL<string | null>): SQL | undefined {
  if (!q) return undefined;
  const number = /^#?(\d{1,9})$/.exec(q);
  if (number) return eq(orders.number, Number(number[1]));
  return sql`lower(${email}) like ${`%${escapeLike(q.toLowerCase())}%`}`;
}

/** How many orders are in each state (every state present, zero included). */
export async function countOrdersByState(db: DatabaseOrTransaction): Promise<Record<OrderState, number>> {
  const rows = await db.select({ state: orders.state, n: count() }).from(orders).groupBy(orders.state);
  const counts = Object.fromEntries(orderStates.map((state) => [state, 0])) as Record<OrderState, number>;
  for (const row of rows) counts[row.state] = row.n;
  return counts;
}

/** An order as staff see it: with the customer's email and its history, oldest first. */
export async function getStaffOrder(db: DatabaseOrTransaction, params: { orderId: string; emails: CustomerEmails }) {
  const order = await getOrder(db, { orderId: params.orderId });
  if (!order) return undefined;
  const [customer] = await db
    .select({ email: params.emails.email(orders.userId) })
    .from(orders)
    .where(eq(orders.id, order.id));
  const history = await db
    .select({
      fromState: orderEvents.fromState,
      toState: orderEvents.toState,
      actorEmail: params.emails.email(orderEvents.actorId),
      reason: orderEvents.reason,
      at: orderEvents.at,
    })
    .from(orderEvents)
    .where(eq(orderEvents.orderId, order.id))
    .orderBy(asc(orderEvents.at), asc(orderEvents.id));
  return { ...order, customerEmail: customer?.email ?? null, history };
}
