import type { Database } from '../../platform/db/database.js';
import type { ObjectStorage } from '../../platform/storage/object-storage.js';
import type { MediaUrl } from './product-view.js';

/** What the back office's image routes need, built once by the composition root. */
export type ProductImagesDeps = {
  db: Database;
  storage: ObjectStorage;
  mediaUrl: MediaUrl;
  /** The largest original a browser may upload. */
  maxUploadBytes: number;
};
