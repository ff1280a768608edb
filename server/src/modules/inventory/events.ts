import { z } from 'zod';
import { defineEvent, type EventsOf } from '../../platform/events/event-definition.js';

/**
 * Stock's answers to an order as separate messages: no longer written (the
 * order flow reserves and confirms or rejects in one transaction, ADR 0020),
 * still defined and handled for messages an earlier version queued.
 */
export const inventoryEvents = {
  StockReserved: defineEvent({
    type: 'StockReserved',
    version: 1,
    description:
      "Every line of the order is held for it (until confirmation's deadline, then until it ships). No longer written (ADR 0020); handled for messages an earlier version queued.",
    payload: z.object({ orderId: z.uuid() }),
  }),
  StockRejected: defineEvent({
    type: 'StockRejected',
    version: 1,
    description:
      'At least one line has too little stock available; nothing was held for the order. No longer written (ADR 0020); handled for messages an earlier version queued.',
    payload: z.object({
      orderId: z.uuid(),
      shortages: z.array(z.object({ sku: z.string(), requested: z.int(), available: z.int() })),
    }),
  }),
} as const;

export type InventoryEvent = EventsOf<typeof inventoryEvents>;
