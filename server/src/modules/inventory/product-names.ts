import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * What the stock screens need to know about products, as a port: SQL
 * expressions correlated on a SKU (null when no product has it), so the stock
 * list can show and search names in its own query. The catalog provides it,
 * the composition root wires it; inventory never reads the catalog's tables.
 */
export type ProductNames = {
  nameJa(sku: AnyPgColumn): SQL<string | null>;
  nameEn(sku: AnyPgColumn): SQL<string | null>;
};
