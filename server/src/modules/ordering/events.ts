import { z } from 'zod';
import { defineEvent, type EventsOf, type PayloadOf } from '../../platform/events/event-definition.js';

/**
 * The ordering module's events, each keyed by its order so one order's
 * events stay in order. Checkout and the state changes produce them; the
 * flows react to them.
 */
export const orderingEvents = {
  OrderPlaced: defineEvent({
    type: 'OrderPlaced',
    version: 1,
    description: 'A customer checked out; the order is pending until stock answers.',
    payload: z.object({
      orderId: z.uuid(),
      userId: z.uuid(),
      lines: z.array(z.object({ productId: z.uuid(), sku: z.string().min(1), quantity: z.int().min(1) })).min(1),
      total: z.int().min(1),
    }),
  }),
  OrderConfirmed: defineEvent({
    type: 'OrderConfirmed',
    version: 1,
    description: 'Stock is held and the shop has to pack the order.',
    payload: z.object({ orderId: z.uuid(), orderNumber: z.int().min(1), userId: z.uuid() }),
  }),
  OrderShipped: defineEvent({
    type: 'OrderShipped',
    version: 1,
    description: 'The parcel left; its stock was committed in the same transaction.',
    payload: z.object({ orderId: z.uuid(), orderNumber: z.int().min(1), userId: z.uuid() }),
  }),
  OrderCancelled: defineEvent({
    type: 'OrderCancelled',
    version: 1,
    description: 'The customer or the shop cancelled the order; whatever was held for it is given back.',
    payload: z.object({ orderId: z.uuid(), userId: z.uuid() }),
  }),
} as const;

export type OrderingEvent = EventsOf<typeof orderingEvents>;
export type OrderPlaced = PayloadOf<typeof orderingEvents.OrderPlaced>;
export type OrderConfirmed = PayloadOf<typeof orderingEvents.OrderConfirmed>;
export type OrderShipped = PayloadOf<typeof orderingEvents.OrderShipped>;
export type OrderCancelled = PayloadOf<typeof orderingEvents.OrderCancelled>;
