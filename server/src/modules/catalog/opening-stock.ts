import type { DatabaseOrTransaction } from '../../platform/db/database.js';

/**
 * How the catalog gives a new SKU its stock row, as a port: inventory
 * implements it (`createOpeningStock`), the composition root wires it, and
 * the catalog calls it inside its own transaction, so a product never exists
 * without its stock row. SKUs that already have a row keep their level.
 */
export type OpeningStock = (
  db: DatabaseOrTransaction,
  levels: readonly { sku: string; onHand: number }[],
) => Promise<number>;
