import { z } from 'zod';

/**
 * The ordering module's messages, shared by the producer (checkout, cancel)
 * and every consumer: parse a payload with these before trusting it.
 */
export const orderPlacedSchema = z.object({
  orderId: z.uuid(),
  userId: z.uuid(),
  lines: z.array(z.object({ productId: z.uuid(), sku: z.string().min(1), quantity: z.int().min(1) })).min(1),
  total: z.int().min(1),
});
export type OrderPlaced = z.infer<typeof orderPlacedSchema>;

export const orderCancelledSchema = z.object({ orderId: z.uuid(), userId: z.uuid() });
export type OrderCancelled = z.infer<typeof orderCancelledSchema>;

export const orderingEvents = { OrderPlaced: 'OrderPlaced', OrderCancelled: 'OrderCancelled' } as const;
