import { z } from '@hono/zod-openapi';
import { maxLineQuantity } from './schema.js';

/** The ordering module's public contract: what the API accepts and answers. */

export const productIdSchema = z.uuid({ error: 'must be a product id' });
export const quantitySchema = z
  .int({ error: 'must be a whole number' })
  .min(1)
  .max(maxLineQuantity)
  .openapi({ description: `1 to ${maxLineQuantity}` });

export const cartLineProblemSchema = z
  .object({
    code: z.enum(['unavailable', 'sold_out', 'insufficient_stock', 'price_changed']),
    message: z.string(),
    available: z.int().min(0).optional().openapi({ description: 'Units that can be ordered now' }),
    oldPrice: z.int().optional().openapi({ description: 'The price when the line was added or last changed' }),
    newPrice: z.int().optional(),
  })
  .openapi('CartLineProblem', {
    description: 'Why the line cannot be ordered as it is; a price change is acknowledged by changing the line',
  });

export const taxBreakdownSchema = z
  .array(
    z.object({
      rate: z.int().openapi({ description: 'Percent: 10 (standard) or 8 (reduced)' }),
      amount: z.int().openapi({ description: 'Tax-inclusive yen at this rate' }),
      tax: z.int().openapi({ description: 'floor(amount × rate / (100 + rate)), once per rate (適格請求書)' }),
    }),
  )
  .openapi('TaxBreakdown');

export const cartLineSchema = z
  .object({
    productId: z.uuid(),
    sku: z.string().nullable().openapi({ description: 'Null when the product no longer exists' }),
    nameJa: z.string(),
    nameEn: z.string(),
    quantity: z.int(),
    unitPrice: z.int().openapi({ description: 'Integer yen, tax included, as the product is priced now' }),
    taxRate: z.int(),
    amount: z.int(),
    problem: cartLineProblemSchema.nullable(),
  })
  .openapi('CartLine');

export const cartSchema = z
  .object({
    lines: z.array(cartLineSchema),
    subtotal: z.int().openapi({ description: 'Tax-inclusive yen of the lines that can be bought' }),
    taxes: taxBreakdownSchema,
    total: z.int(),
  })
  .openapi('Cart');

export type Cart = z.infer<typeof cartSchema>;
export type CartLine = z.infer<typeof cartLineSchema>;
export type CartLineProblem = z.infer<typeof cartLineProblemSchema>;

export const addCartLineBodySchema = z
  .object({ productId: productIdSchema, quantity: quantitySchema.default(1) })
  .openapi('AddCartLine');

export const setCartLineBodySchema = z.object({ quantity: quantitySchema }).openapi('SetCartLine');

export const productIdParamsSchema = z.object({
  productId: productIdSchema.openapi({ param: { name: 'productId', in: 'path' } }),
});

export const orderLineInputSchema = z.object({ productId: productIdSchema, quantity: quantitySchema });

export const mergeCartBodySchema = z
  .object({ lines: z.array(orderLineInputSchema).max(100) })
  .openapi('MergeCart', { description: 'The guest cart kept in the browser, merged on sign-in' });
