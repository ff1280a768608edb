import type { SQL, SQLWrapper } from 'drizzle-orm';

/**
 * What the stock screens need to know about products, as a port: SQL
 * expressions correlated on a SKU (null when no product has it), so the stock
 * list can show and search names in its own query. A flow provides it, the
 * composition root wires it; inventory never reads the catalog's tables.
 */
export type ProductNames = {
  nameJa(sku: SQLWrapper): SQL<string | null>;
  nameEn(sku: SQLWrapper): SQL<string | null>;
};
