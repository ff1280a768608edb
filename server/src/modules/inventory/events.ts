import { z } from 'zod';
import { defineEvent, type EventsOf } from '../../platform/events/event-definition.js';

/** Stock's answers to an order: every line is held, or none is. */
export const inventoryEvents = {
  StockReserved: defineEvent({
    type: 'StockReserved',
    version: 1,
    description: "Every line of the order is held for it (until confirmation's deadline, then until it ships).",
    payload: z.object({ orderId: z.uuid() }),
  }),
  StockRejected: defineEvent({
    type: 'StockRejected',
    version: 1,
    description: 'At least one line has too little stock available; nothing was held for the order.',
    payload: z.object({
      orderId: z.uuid(),
      shortages: z.array(z.object({ sku: z.string(), requested: z.int(), available: z.int() })),
    }),
  }),
} as const;

export type InventoryEvent = EventsOf<typeof inventoryEvents>;
