import { listStaffMembers } from '../modules/identity/public.js';
import {
  orderCancelledSchema,
  orderConfirmedSchema,
  orderingEvents,
  orderShippedSchema,
  shareLockOrderState,
} from '../modules/ordering/public.js';
import { addSourcedTodos, completeSourcedTodos, removeSourcedTodos } from '../modules/todos/public.js';
import type { Database } from '../platform/db/database.js';
import { type EventHandler, parsePayload } from '../platform/events/consumer.js';

const titles = {
  ja: (number: number) => `注文 ${number} を梱包`,
  en: (number: number) => `Pack order ${number}`,
};

/** The todos of one order, whoever holds them. */
export const packTaskSource = (orderId: string) => `order:${orderId}`;

/**
 * OrderConfirmed → every active staff member and admin gets "Pack order N"
 * in their todos, in their language, linking to the order; OrderShipped →
 * those todos are completed; OrderCancelled → they are removed.
 *
 * Everyone who runs the shop gets the task rather than one assignee: a task
 * given to one person on leave would be lost, and shipping closes it for all
 * at once. Staff who join later do not get tasks of orders confirmed before;
 * the back office's confirmed list is the full queue.
 *
 * Idempotent: a unique (user, source) index makes a redelivered
 * OrderConfirmed add nothing, and the task is only added while the order is
 * still confirmed, under a share lock, so a late or redelivered
 * OrderConfirmed cannot bring back the task of an order already shipped or
 * cancelled.
 */
export function packTasksForOrders(options: { db: Database }): Record<string, EventHandler> {
  const { db } = options;
  return {
    [orderingEvents.OrderConfirmed]: async (envelope) => {
      const confirmed = parsePayload(orderConfirmedSchema, envelope);
      await db.transaction(async (tx) => {
        if ((await shareLockOrderState(tx, confirmed.orderId)) !== 'confirmed') return;
        const staff = await listStaffMembers(tx);
        await addSourcedTodos(tx, {
          sourceKey: packTaskSource(confirmed.orderId),
          link: `/admin/orders/${confirmed.orderId}`,
          todos: staff.map((member) => ({ userId: member.id, title: titles[member.locale](confirmed.orderNumber) })),
        });
      });
    },
    [orderingEvents.OrderShipped]: async (envelope) => {
      const shipped = parsePayload(orderShippedSchema, envelope);
      await completeSourcedTodos(db, { sourceKey: packTaskSource(shipped.orderId) });
    },
    [orderingEvents.OrderCancelled]: async (envelope) => {
      const cancelled = parsePayload(orderCancelledSchema, envelope);
      await removeSourcedTodos(db, { sourceKey: packTaskSource(cancelled.orderId) });
    },
  };
}
