import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Prefecture } from './address.js';
import { deliverySlots } from './delivery.js';

/**
 * The ordering module owns the `ordering` schema: carts, orders and the
 * Idempotency-Keys of checkouts. `user_id` and `product_id` have no foreign
 * keys on purpose: modules are independent (see todos).
 */
export const ordering = pgSchema('ordering');

export const maxLineQuantity = 99;

/**
 * A user's cart is the set of their lines: server-side, so it survives
 * sign-out and follows the user across devices. The unit price and names are
 * what the customer saw when they last touched the line; the cart compares
 * them with the catalog to say "the price changed".
 */
export const cartLines = ordering.table(
  'cart_lines',
  {
    userId: uuid('user_id').notNull(),
    productId: uuid('product_id').notNull(),
    quantity: smallint('quantity').notNull(),
    seenUnitPrice: integer('seen_unit_price').notNull(),
    seenNameJa: text('seen_name_ja').notNull(),
    seenNameEn: text('seen_name_en').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.productId] }),
    check('cart_lines_quantity_range', sql`${t.quantity} between 1 and ${sql.raw(String(maxLineQuantity))}`),
    check('cart_lines_seen_price_positive', sql`${t.seenUnitPrice} > 0`),
  ],
);

export type CartLineRow = typeof cartLines.$inferSelect;

export const orderStates = ['pending', 'confirmed', 'rejected', 'shipped', 'delivered', 'cancelled'] as const;
export type OrderState = (typeof orderStates)[number];

export const paymentMethods = ['cash_on_delivery'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export type ShippingAddress = {
  postalCode: string;
  prefecture: Prefecture;
  city: string;
  line1: string;
  line2: string;
  name: string;
  phone: string;
};

/** Per tax rate: the tax-inclusive amount and the consumption tax it includes. */
export type TaxBreakdown = { rate: number; amount: number; tax: number }[];

export const orders = ordering.table(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What people say and search for ("order 1042"): short, never reused, not a secret. */
    number: integer('number').notNull().generatedAlwaysAsIdentity({ startWith: 1001 }),
    userId: uuid('user_id').notNull(),
    state: text('state', { enum: orderStates }).notNull().default('pending'),
    /** Integer yen, tax included: the sum of the lines as priced at checkout. */
    total: integer('total').notNull(),
    taxes: jsonb('taxes').$type<TaxBreakdown>().notNull(),
    shippingAddress: jsonb('shipping_address').$type<ShippingAddress>().notNull(),
    deliveryDate: date('delivery_date', { mode: 'string' }).notNull(),
    deliverySlot: text('delivery_slot', { enum: deliverySlots }).notNull(),
    paymentMethod: text('payment_method', { enum: paymentMethods }).notNull(),
    /** Why the order was rejected or cancelled, for the customer. */
    stateReason: text('state_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('orders_state_known', sql`${t.state} in (${sql.raw(orderStates.map((s) => `'${s}'`).join(', '))})`),
    check('orders_total_positive', sql`${t.total} > 0`),
    // The history is newest first per user, keyset-paged by (created_at, id).
    index('orders_user_created_idx').on(t.userId, t.createdAt, t.id),
    uniqueIndex('orders_number_idx').on(t.number),
    // The back office lists every order, or one state's, newest first.
    index('orders_created_idx').on(t.createdAt, t.id),
    index('orders_state_created_idx').on(t.state, t.createdAt, t.id),
  ],
);

export type OrderRow = typeof orders.$inferSelect;

export const orderLines = ordering.table(
  'order_lines',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    lineNo: smallint('line_no').notNull(),
    productId: uuid('product_id').notNull(),
    sku: text('sku').notNull(),
    nameJa: text('name_ja').notNull(),
    nameEn: text('name_en').notNull(),
    unitPrice: integer('unit_price').notNull(),
    /** Percent: 10 (standard) or 8 (reduced), as it applied at checkout. */
    taxRate: smallint('tax_rate').notNull(),
    quantity: smallint('quantity').notNull(),
    amount: integer('amount').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.lineNo] }),
    check('order_lines_quantity_range', sql`${t.quantity} between 1 and ${sql.raw(String(maxLineQuantity))}`),
    check('order_lines_amount', sql`${t.amount} = ${t.unitPrice} * ${t.quantity}`),
  ],
);

export type OrderLineRow = typeof orderLines.$inferSelect;

/**
 * Every state an order has been in, with who moved it (null: the system, e.g.
 * stock's verdict) and why. Written in the transaction of the change itself;
 * rows are only ever inserted.
 */
export const orderEvents = ordering.table(
  'order_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    /** Null for the first row: the order was placed. */
    fromState: text('from_state', { enum: orderStates }),
    toState: text('to_state', { enum: orderStates }).notNull(),
    actorId: uuid('actor_id'),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_events_order_at_idx').on(t.orderId, t.at)],
);

export type OrderEventRow = typeof orderEvents.$inferSelect;

/**
 * Idempotency-Keys of checkouts, per user (IETF httpapi idempotency-key
 * draft). `fingerprint` is the hash of the canonical request body; the
 * response is stored once the request finished, so a retry gets it back.
 * A row without a response is a request still in flight.
 */
export const idempotencyKeys = ordering.table(
  'idempotency_keys',
  {
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    responseStatus: smallint('response_status'),
    responseBody: jsonb('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.key] }),
    check('idempotency_keys_response_complete', sql`(${t.responseStatus} is null) = (${t.responseBody} is null)`),
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);
