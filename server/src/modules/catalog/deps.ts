import type { Database } from '../../platform/db/database.js';
import type { ObjectStorage } from '../../platform/storage/object-storage.js';
import type { MediaUrl, OpeningStock, StockReadModel } from './ports.js';

/** What the catalog's routes need, built once by the composition root. */
export type CatalogDeps = {
  db: Database;
  stock: StockReadModel;
  mediaUrl: MediaUrl;
};

/** The back office also creates stock rows for new SKUs. */
export type CatalogStaffDeps = CatalogDeps & { openingStock: OpeningStock };

/** What the back office's image routes need, built once by the composition root. */
export type ProductImagesDeps = {
  db: Database;
  storage: ObjectStorage;
  mediaUrl: MediaUrl;
  /** The largest original a browser may upload. */
  maxUploadBytes: number;
};
