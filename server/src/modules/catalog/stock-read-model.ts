import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * What the catalog needs to know about stock, as a port: the inventory module
 * provides it, the composition root wires it. The catalog never reads
 * inventory's tables itself.
 */
export type StockReadModel = {
  /** Correlated on the caller's SKU column (the implementation qualifies it). */
  availableUnits(sku: AnyPgColumn): SQL<number>;
  availabilityStatus(sku: AnyPgColumn): SQL<'in_stock' | 'low_stock' | 'sold_out'>;
};
