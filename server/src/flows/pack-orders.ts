import { listStaffMembers } from '../modules/identity/public.js';
import { orderingEvents, shareLockOrderState } from '../modules/ordering/public.js';
import { addSourcedTodos, completeSourcedTodos, removeSourcedTodos } from '../modules/todos/public.js';
import type { Database } from '../platform/db/database.js';
import { acknowledgeWithin } from '../platform/events/consumer.js';
import { defineSteps } from '../platform/events/flow.js';

const titles = {
  ja: (number: number) => `注文 ${number} を梱包`,
  en: (number: number) => `Pack order ${number}`,
};

/** The todos of one order, whoever holds them. */
export const packTaskSource = (orderId: string) => `order:${orderId}`;

/**
 * The tasks half of the order flow: OrderConfirmed → every active staff
 * member and admin gets "Pack order N" in their todos, in their language,
 * linking to the order; OrderShipped → those todos are completed;
 * OrderCancelled → they are removed.
 *
 * Everyone who runs the shop gets the task rather than one assignee: a task
 * given to one person on leave would be lost, and shipping closes it for all
 * at once. Staff who join later do not get tasks of orders confirmed before;
 * the back office's confirmed list is the full queue.
 */
const step = defineSteps<{ db: Database }>();

/** Undoes `createPackTasks`: a confirmed order was cancelled, so there is nothing to pack. */
export const removePackTasks = step({
  name: 'remove pack tasks',
  on: orderingEvents.OrderCancelled,
  async run({ orderId }, { db }) {
    await removeSourcedTodos(db, { sourceKey: packTaskSource(orderId) });
  },
});

/**
 * Idempotent: a unique (user, source) index makes a redelivered
 * OrderConfirmed add nothing, and the task is only added while the order is
 * still confirmed, under a share lock, so a late or redelivered
 * OrderConfirmed cannot bring back the task of an order already shipped or
 * cancelled.
 */
export const createPackTasks = step({
  name: 'create pack tasks',
  on: orderingEvents.OrderConfirmed,
  undoneBy: removePackTasks,
  async run(confirmed, { db }) {
    await db.transaction(async (tx) => {
      // The message is done exactly when the tasks commit.
      await acknowledgeWithin(tx);
      if ((await shareLockOrderState(tx, confirmed.orderId)) !== 'confirmed') return;
      const staff = await listStaffMembers(tx);
      await addSourcedTodos(tx, {
        sourceKey: packTaskSource(confirmed.orderId),
        link: `/admin/orders/${confirmed.orderId}`,
        todos: staff.map((member) => ({ userId: member.id, title: titles[member.locale](confirmed.orderNumber) })),
      });
    });
  },
});

/** The parcel left: the task is done for everyone at once. */
export const completePackTasks = step({
  name: 'complete pack tasks',
  on: orderingEvents.OrderShipped,
  async run({ orderId }, { db }) {
    await completeSourcedTodos(db, { sourceKey: packTaskSource(orderId) });
  },
});
