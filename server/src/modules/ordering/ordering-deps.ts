import type { Database } from '../../platform/db/database.js';
import type { ProductLookup } from './product-lookup.js';

/** What the ordering routes need, built once by the composition root. */
export type OrderingDeps = { db: Database; products: ProductLookup };
