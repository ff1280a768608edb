import { sql } from 'drizzle-orm';
import { check, index, integer, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** The inventory module (the stock service) owns the `inventory` schema. */
export const inventory = pgSchema('inventory');

export const stockItems = inventory.table(
  'stock_items',
  {
    sku: text('sku').primaryKey(),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    lowStockThreshold: integer('low_stock_threshold').notNull().default(5),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('stock_on_hand_non_negative', sql`${t.onHand} >= 0`),
    check('stock_reserved_non_negative', sql`${t.reserved} >= 0`),
    // Available stock (on hand − reserved) never goes negative, whatever the concurrency.
    check('stock_available_non_negative', sql`${t.onHand} - ${t.reserved} >= 0`),
    check('stock_threshold_non_negative', sql`${t.lowStockThreshold} >= 0`),
  ],
);

/** Why staff change stock by hand; each has a direction (see `staffReasonDirection`). */
export const staffReasons = ['received', 'returned', 'damaged', 'lost', 'count_correction'] as const;
export type StaffReason = (typeof staffReasons)[number];

/** Why the stock service itself changes stock: opening stock and an order's reservation life cycle. */
export const systemReasons = [
  'opening_stock',
  'order_reserved',
  'order_released',
  'order_shipped',
  'reservation_expired',
] as const;
export const movementReasons = [...staffReasons, ...systemReasons] as const;
export type MovementReason = (typeof movementReasons)[number];

export const noteMaxLength = 500;
export const idempotencyKeyMaxLength = 200;

/**
 * Append-only history: every change of a stock row is one movement, written in
 * the same transaction as the change (a trigger refuses UPDATE, DELETE and
 * TRUNCATE). `at` is the insert's clock time, taken under the SKU's row lock,
 * so one SKU's movements are in the order they were applied.
 */
export const stockMovements = inventory.table(
  'stock_movements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sku: text('sku')
      .notNull()
      .references(() => stockItems.sku),
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
    /** Who: the staff member; null for the stock service itself (opening stock, expiry). */
    actorId: uuid('actor_id'),
    deltaOnHand: integer('delta_on_hand').notNull(),
    deltaReserved: integer('delta_reserved').notNull(),
    reason: text('reason', { enum: movementReasons }).notNull(),
    note: text('note').notNull().default(''),
    onHandAfter: integer('on_hand_after').notNull(),
    reservedAfter: integer('reserved_after').notNull(),
    orderId: uuid('order_id'),
    /** The client's Idempotency-Key of a staff adjustment: a retried POST finds it and applies nothing. */
    idempotencyKey: text('idempotency_key'),
  },
  (t) => [
    check('stock_movements_reason_known', sql.raw(`reason in (${movementReasons.map((r) => `'${r}'`).join(', ')})`)),
    check('stock_movements_changes_something', sql`${t.deltaOnHand} <> 0 or ${t.deltaReserved} <> 0`),
    check('stock_movements_note_length', sql`char_length(${t.note}) <= ${sql.raw(String(noteMaxLength))}`),
    index('stock_movements_sku_at_idx').on(t.sku, t.at.desc(), t.id.desc()),
    index('stock_movements_order_idx').on(t.orderId),
    uniqueIndex('stock_movements_idempotency_key_idx')
      .on(t.actorId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
  ],
);

export const reservationStates = ['reserved', 'released', 'committed'] as const;
export type ReservationState = (typeof reservationStates)[number];

/**
 * One row per order and SKU (an order's lines for the same SKU are summed).
 * `reserved` → `committed` when the order ships, or → `released` when it is
 * cancelled or its `expires_at` passes; both ends are final.
 */
export const reservations = inventory.table(
  'reservations',
  {
    orderId: uuid('order_id').notNull(),
    sku: text('sku')
      .notNull()
      .references(() => stockItems.sku),
    quantity: integer('quantity').notNull(),
    state: text('state', { enum: reservationStates }).notNull().default('reserved'),
    /** Until when an unconfirmed order's hold lasts; null once the order is confirmed (held until it ships). */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.sku] }),
    check('reservations_quantity_positive', sql`${t.quantity} > 0`),
    check('reservations_state_known', sql`${t.state} in ('reserved', 'released', 'committed')`),
    index('reservations_open_expiry_idx').on(t.expiresAt).where(sql`${t.state} = 'reserved'`),
  ],
);
