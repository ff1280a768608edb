import type { Database, DatabaseOrTransaction } from '../../platform/db/database.js';
import type { CustomerEmails } from './order-queries.js';
import type { ProductLookup } from './product-lookup.js';

/**
 * The stock service's side of shipping, as a port: the order's reserved units
 * leave the shelf, in the caller's transaction; idempotent by order id.
 * `committed` is the only kind that lets the order ship.
 */
export type StockCommitment = (db: DatabaseOrTransaction, params: { orderId: string }) => Promise<{ kind: string }>;

/** What the ordering routes need, built once by the composition root. */
export type OrderingDeps = {
  db: Database;
  products: ProductLookup;
  commitStock: StockCommitment;
  customerEmails: CustomerEmails;
};
