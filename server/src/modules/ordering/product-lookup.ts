import type { DatabaseOrTransaction } from '../../platform/db/database.js';
import type { TaxClassName } from './pricing.js';

/** What ordering needs to know about a product now: the catalog's data and the stock available. */
export type ProductFacts = {
  id: string;
  sku: string;
  nameJa: string;
  nameEn: string;
  /** Integer yen, tax included. */
  price: number;
  taxClass: TaxClassName;
  active: boolean;
  /** Units on hand minus reserved. */
  available: number;
};

/**
 * The catalog and stock read ordering depends on, as a port: the catalog
 * provides it and the composition root wires it; ordering never reads another module's
 * tables. Unknown ids are simply absent from the map.
 */
export type ProductLookup = (
  db: DatabaseOrTransaction,
  productIds: readonly string[],
) => Promise<Map<string, ProductFacts>>;
