import type { SQL, SQLWrapper } from 'drizzle-orm';

/**
 * What the catalog needs to know about stock, as a port: the inventory module
 * provides it, the composition root wires it. The catalog never reads
 * inventory's tables itself.
 */
export type StockReadModel = {
  availableUnits(sku: SQLWrapper): SQL<number>;
  availabilityStatus(sku: SQLWrapper): SQL<'in_stock' | 'low_stock' | 'sold_out'>;
};
