import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * What inventory needs from outside itself, wired by the composition root
 * (app.ts): inventory never reads another module's tables.
 */

/**
 * Product names as SQL correlated on a SKU column (null when no product has
 * it), so the stock list shows and searches names in its own query. The
 * catalog provides it.
 */
export type ProductNames = {
  nameJa(sku: AnyPgColumn): SQL<string | null>;
  nameEn(sku: AnyPgColumn): SQL<string | null>;
};
