import type { Database } from '../../platform/db/database.js';
import type { ProductNames } from './ports.js';

/** What the stock routes need, built once by the composition root. */
export type InventoryDeps = { db: Database; productNames: ProductNames };
