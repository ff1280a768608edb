import { z } from '@hono/zod-openapi';
import { pageParams } from '../../platform/http/cursor.js';
import { idempotencyKeyMaxLength, movementReasons, noteMaxLength, staffReasons } from './schema.js';
import { staffReasonDirection } from './stock-adjustments.js';

/** The inventory module's public contract for the back office: what the API accepts and answers. */
export const stockItemSchema = z
  .object({
    sku: z.string(),
    nameJa: z.string().nullable().openapi({ description: 'The product’s name; null when no product has this SKU' }),
    nameEn: z.string().nullable(),
    onHand: z.int().min(0),
    reserved: z.int().min(0).openapi({ description: 'Held for orders not shipped yet' }),
    available: z.int().min(0).openapi({ description: 'on hand − reserved: what can still be sold' }),
    lowStockThreshold: z.int().min(0),
    status: z.enum(['in_stock', 'low_stock', 'sold_out']).openapi({
      description: 'sold_out: nothing available; low_stock: available at or below the threshold',
    }),
    updatedAt: z.iso.datetime(),
  })
  .openapi('StockItem');

export const stockMovementSchema = z
  .object({
    id: z.uuid(),
    sku: z.string(),
    at: z.iso.datetime(),
    actorId: z.uuid().nullable().openapi({ description: 'The staff member; null for the stock service itself' }),
    deltaOnHand: z.int(),
    deltaReserved: z.int(),
    reason: z.enum(movementReasons),
    note: z.string(),
    onHandAfter: z.int().min(0),
    reservedAfter: z.int().min(0),
    orderId: z.uuid().nullable(),
  })
  .openapi('StockMovement');

const nextCursor = z
  .string()
  .nullable()
  .openapi({ description: 'Pass as `cursor` for the next page; null on the last page' });

export const stockListSchema = z.object({ items: z.array(stockItemSchema), nextCursor }).openapi('StockList');

export const stockMovementListSchema = z
  .object({ items: z.array(stockMovementSchema), nextCursor })
  .openapi('StockMovementList');

export const stockDetailSchema = z
  .object({
    stock: stockItemSchema,
    movements: z.array(stockMovementSchema).openapi({ description: 'The newest movements' }),
    movementsCursor: nextCursor.openapi({ description: 'Pass to the movements route for older ones' }),
  })
  .openapi('StockDetail');

export const stockAdjustmentResultSchema = z
  .object({ movement: stockMovementSchema, stock: stockItemSchema })
  .openapi('StockAdjustmentResult');

export const listStockQuerySchema = z.object({
  q: z.string().max(200, 'must be at most 200 characters').optional().openapi({
    description: 'Part of a SKU or of the product’s Japanese or English name, case-insensitive',
  }),
  lowOnly: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .optional()
    .transform((value) => value === 'true')
    .openapi({ description: 'true: only SKUs at or below their threshold, sold out first' }),
  ...pageParams(50),
});

export const listMovementsQuerySchema = z.object(pageParams(50));

export const skuParamsSchema = z.object({
  sku: z
    .string()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
    .openapi({ param: { name: 'sku', in: 'path' }, example: 'SAKE-0001' }),
});

const directionText = { in: 'positive (stock comes in)', out: 'negative (stock goes out)' } as const;

export const adjustStockBodySchema = z
  .strictObject({
    delta: z
      .int({ error: 'must be a whole number' })
      .min(-1_000_000, 'must be at least -1000000')
      .max(1_000_000, 'must be at most 1000000')
      .refine((value) => value !== 0, 'must not be 0')
      .openapi({ description: 'Change of on hand: positive adds units, negative removes them', example: 12 }),
    reason: z.enum(staffReasons, { error: `must be one of ${staffReasons.join(', ')}` }).openapi({
      description: 'received and returned add stock; damaged and lost remove it; count_correction either way',
    }),
    note: z
      .string({ error: 'must be a string' })
      .trim()
      .max(noteMaxLength, `must be at most ${noteMaxLength} characters`)
      .optional(),
  })
  .superRefine((body, ctx) => {
    const direction = staffReasonDirection[body.reason];
    if (direction === 'either' || body.delta === 0) return;
    if ((direction === 'in') !== body.delta > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['delta'],
        message: `must be ${directionText[direction]} for the reason ${body.reason}`,
      });
    }
  })
  .openapi('StockAdjustment');

export const idempotencyHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .min(1, 'must not be empty')
    .max(idempotencyKeyMaxLength, `must be at most ${idempotencyKeyMaxLength} characters`)
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
    .optional()
    .openapi({
      param: { name: 'idempotency-key', in: 'header' },
      description:
        'Optional, any unique string (a UUID): a retried POST with the same key applies nothing and answers the first result',
    }),
});

export const thresholdBodySchema = z
  .strictObject({
    threshold: z
      .int({ error: 'must be a whole number' })
      .min(0, 'must be at least 0')
      .max(1_000_000, 'must be at most 1000000')
      .openapi({ description: 'Low stock when available is at or below this', example: 5 }),
  })
  .openapi('StockThreshold');

export type StockItem = z.infer<typeof stockItemSchema>;
export type StockMovement = z.infer<typeof stockMovementSchema>;
