import { z } from '@hono/zod-openapi';
import { pageParams } from '../../platform/http/cursor.js';
import { prefectures } from './address.js';
import { deliverySlots } from './delivery.js';
import { maxLineQuantity, orderStates, paymentMethods } from './schema.js';

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

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const shippingAddressSchema = z
  .object({
    // empty is "missing" (too_small) before it is "malformed", so a client can say "required"
    postalCode: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .regex(/^\d{3}-\d{4}$/, 'must look like 123-4567'),
    prefecture: z.enum(prefectures, { error: 'must be one of the 47 prefectures, e.g. 東京都' }),
    city: text(100),
    line1: text(200),
    line2: z.string().trim().max(200).default(''),
    name: text(100),
    phone: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .regex(/^0\d{1,4}-?\d{1,4}-?\d{4}$/, 'must be a Japanese phone number, e.g. 03-1234-5678'),
  })
  .openapi('ShippingAddress');

export const deliverySchema = z
  .object({
    date: z.iso
      .date({ error: 'must be a date, YYYY-MM-DD' })
      .openapi({ description: 'Tomorrow to 14 days ahead, Asia/Tokyo' }),
    slot: z.enum(deliverySlots),
  })
  .openapi('Delivery');

export const placeOrderBodySchema = z
  .object({
    lines: z
      .array(orderLineInputSchema)
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: '"Buy now": order these instead of the cart (the cart is left alone)' }),
    shippingAddress: shippingAddressSchema,
    delivery: deliverySchema,
    paymentMethod: z.enum(paymentMethods).default('cash_on_delivery'),
  })
  .openapi('PlaceOrder');
export type PlaceOrderBody = z.infer<typeof placeOrderBodySchema>;

export const idempotencyKeyHeadersSchema = z.object({
  'idempotency-key': z
    .string({ error: 'required: send a fresh key (a UUID) per order, the same key when retrying it' })
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters')
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
    .openapi({ param: { name: 'idempotency-key', in: 'header' } }),
});

export const orderLineSchema = z
  .object({
    productId: z.uuid(),
    sku: z.string(),
    nameJa: z.string(),
    nameEn: z.string(),
    unitPrice: z.int(),
    taxRate: z.int(),
    quantity: z.int(),
    amount: z.int(),
  })
  .openapi('OrderLine');

export const orderSchema = z
  .object({
    id: z.uuid(),
    number: z.int().openapi({ description: 'The order number people use ("order 1042"); not a secret' }),
    state: z.enum(orderStates),
    stateReason: z.string().nullable(),
    lines: z.array(orderLineSchema),
    subtotal: z.int(),
    taxes: taxBreakdownSchema,
    total: z.int(),
    shippingAddress: shippingAddressSchema,
    delivery: deliverySchema,
    paymentMethod: z.enum(paymentMethods),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('Order');
export type Order = z.infer<typeof orderSchema>;

export const orderSummarySchema = orderSchema
  .omit({ lines: true, shippingAddress: true, taxes: true })
  .extend({ itemCount: z.int() })
  .openapi('OrderSummary');

export const orderListSchema = z
  .object({ items: z.array(orderSummarySchema), nextCursor: z.string().nullable() })
  .openapi('OrderList');

export const listOrdersQuerySchema = z.object({
  ...pageParams(20),
});

export const orderIdParamsSchema = z.object({
  id: z.uuid({ error: 'must be an order id' }).openapi({ param: { name: 'id', in: 'path' } }),
});

/* The back office: every customer's orders, for staff. */

export const staffOrderSummarySchema = orderSummarySchema
  .extend({ customerEmail: z.string().nullable().openapi({ description: 'Null when the account is gone' }) })
  .openapi('StaffOrderSummary');

export const orderStateCountsSchema = z
  .record(z.enum(orderStates), z.int().min(0))
  .openapi('OrderStateCounts', { description: 'Orders per state, whatever the filter' });

export const staffOrderListSchema = z
  .object({
    items: z.array(staffOrderSummarySchema),
    nextCursor: z.string().nullable(),
    counts: orderStateCountsSchema,
  })
  .openapi('StaffOrderList');

export const listStaffOrdersQuerySchema = z.object({
  state: z.enum(orderStates, { error: `must be one of ${orderStates.join(', ')}` }).optional(),
  q: z
    .string()
    .trim()
    .max(200, 'must be at most 200 characters')
    .optional()
    .openapi({ description: 'An order number (exact), or part of the customer’s email' }),
  ...pageParams(20),
});

export const orderEventSchema = z
  .object({
    fromState: z
      .enum(orderStates)
      .nullable()
      .openapi({ description: 'Null for the first entry: the order was placed' }),
    toState: z.enum(orderStates),
    actorEmail: z.string().nullable().openapi({ description: 'Who did it; null when the system did (stock)' }),
    reason: z.string().nullable(),
    at: z.iso.datetime(),
  })
  .openapi('OrderEvent');

export const staffOrderSchema = orderSchema
  .extend({
    customer: z.object({ id: z.uuid(), email: z.string().nullable() }),
    history: z.array(orderEventSchema).openapi({ description: 'Oldest first' }),
    version: z.int().min(1).openapi({ description: 'Send as `If-Match: "<version>"` with ship, deliver or cancel' }),
  })
  .openapi('StaffOrder');
export type StaffOrder = z.infer<typeof staffOrderSchema>;
