import { sql } from 'drizzle-orm';
import { check, integer, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

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
