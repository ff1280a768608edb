/**
 * The catalog's public surface: all that flows, the composition root and entry
 * points may use of it (a dependency-cruiser rule refuses any other import
 * from outside the module). Products, categories, images and the CSV
 * import/export. It publishes no events.
 */

/** What other modules may read of the catalog, through ports the composition root wires. */
export { findProductFacts, productNamesBySku } from './catalog-read-side.js';
/** The storefront's routes, the back office's, and the back office's image routes. */
export {
  createCatalogRouter,
  createCatalogStaffRouter,
  createProductImagesRouter,
} from './catalog-router.js';
export type { CatalogDeps, CatalogStaffDeps, ProductImagesDeps } from './deps.js';
/** Paths (under the mount point) whose bodies may exceed the default limit: the CSV import. */
export { catalogLargeBodies } from './large-bodies.js';
export type { MediaUrl, OpeningStock, StockReadModel } from './ports.js';
/** Bulk creation, for the demo storehouse flow (flows/load-demo-data.ts). */
export { createCategories, createProducts, type NewProduct } from './products/product-writes.js';
export { readingsOf } from './products/readings.js';
