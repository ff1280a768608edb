import type { Database } from '../../platform/db/database.js';
import type { MediaUrl } from './product-view.js';
import type { StockReadModel } from './stock-read-model.js';

/** What the catalog's routes need, built once by the composition root. */
export type CatalogDeps = {
  db: Database;
  stock: StockReadModel;
  mediaUrl: MediaUrl;
};
