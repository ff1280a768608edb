import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DatabaseOrTransaction } from '../../platform/db/database.js';

/**
 * What the catalog needs from outside itself. The composition root (app.ts)
 * wires each port to its provider; the catalog never reads another module's
 * tables nor knows where media is served.
 */

/**
 * Stock as SQL correlated on the caller's SKU column (the provider qualifies it),
 * so a product list shows availability in its own query. Inventory provides it.
 */
export type StockReadModel = {
  availableUnits(sku: AnyPgColumn): SQL<number>;
  availabilityStatus(sku: AnyPgColumn): SQL<'in_stock' | 'low_stock' | 'sold_out'>;
};

/**
 * Gives new SKUs their stock row, inside the catalog's own transaction, so a
 * product never exists without one. SKUs that already have a row keep their
 * level. Inventory provides it (`createOpeningStock`).
 */
export type OpeningStock = (
  db: DatabaseOrTransaction,
  levels: readonly { sku: string; onHand: number }[],
) => Promise<number>;

/** Where a stored object is served from: object keys become the URLs the API answers with. */
export type MediaUrl = (objectKey: string) => string;
