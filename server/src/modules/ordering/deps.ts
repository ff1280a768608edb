import type { Database } from '../../platform/db/database.js';
import type { CustomerEmails, ProductLookup, StockCommitment } from './ports.js';

/** What the ordering routes need, built once by the composition root. */
export type OrderingDeps = {
  db: Database;
  products: ProductLookup;
  commitStock: StockCommitment;
  customerEmails: CustomerEmails;
};
