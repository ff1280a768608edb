import { z } from 'zod';

/**
 * The ordering module's messages, shared by the producer (checkout, the state
 * changes) and every consumer: parse a payload with these before trusting it.
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

/** Stock is held and the shop has to pack it. */
export const orderConfirmedSchema = z.object({ orderId: z.uuid(), orderNumber: z.int().min(1), userId: z.uuid() });
export type OrderConfirmed = z.infer<typeof orderConfirmedSchema>;

/** The parcel left; its stock was committed in the same transaction. */
export const orderShippedSchema = z.object({ orderId: z.uuid(), orderNumber: z.int().min(1), userId: z.uuid() });
export type OrderShipped = z.infer<typeof orderShippedSchema>;

export const orderingEvents = {
  OrderPlaced: 'OrderPlaced',
  OrderConfirmed: 'OrderConfirmed',
  OrderShipped: 'OrderShipped',
  OrderCancelled: 'OrderCancelled',
} as const;
