import { and, asc, eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../platform/db/database.js';
import { newestFirst } from '../../platform/db/newest-first.js';
import { orderLines, orders } from './schema.js';

export async function getOrder(db: DatabaseOrTransaction, params: { userId: string; orderId: string }) {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, params.orderId), eq(orders.userId, params.userId)));
  if (!order) return undefined;
  const lines = await db
    .select()
    .from(orderLines)
    .where(eq(orderLines.orderId, order.id))
    .orderBy(asc(orderLines.lineNo));
  return { ...order, lines };
}

export async function listOrders(
  db: DatabaseOrTransaction,
  params: { userId: string; cursor?: string | undefined; limit: number },
) {
  const keyset = newestFirst({ at: orders.createdAt, id: orders.id }, params.cursor);
  const rows = await db
    .select({
      id: orders.id,
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
      sortKey: keyset.sortKey,
    })
    .from(orders)
    .where(and(eq(orders.userId, params.userId), keyset.after))
    .orderBy(...keyset.orderBy)
    .limit(params.limit + 1);
  return keyset.page(rows, params.limit);
}
