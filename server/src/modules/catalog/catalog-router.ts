import type { OpenAPIHono } from '@hono/zod-openapi';
import { type AppEnv, createRouter } from '../../platform/http/app-env.js';
import { registerListCategories } from './categories/routes/list-categories.js';
import { registerStaffCategories } from './categories/routes/staff-categories.js';
import { registerStaffProductCsv } from './csv/routes/staff-product-csv.js';
import type { CatalogDeps, CatalogStaffDeps, ProductImagesDeps } from './deps.js';
import { registerAddStaffProductImage } from './images/routes/staff-product-images-add.js';
import { registerDeleteStaffProductImage } from './images/routes/staff-product-images-delete.js';
import { registerListStaffProductImages } from './images/routes/staff-product-images-list.js';
import { registerReorderStaffProductImages } from './images/routes/staff-product-images-order.js';
import { registerUpdateStaffProductImage } from './images/routes/staff-product-images-update.js';
import { registerCreateStaffProductImageUpload } from './images/routes/staff-product-images-upload.js';
import { registerGetProduct } from './products/routes/get-product.js';
import { registerListProducts } from './products/routes/list-products.js';
import { registerStaffArchiveProducts } from './products/routes/staff-archive-products.js';
import { registerStaffListProducts } from './products/routes/staff-list-products.js';
import { registerStaffProduct } from './products/routes/staff-product.js';

/** The catalog's public (unauthenticated) storefront routes. */
export function createCatalogRouter(deps: CatalogDeps): OpenAPIHono<AppEnv> {
  const router = createRouter();
  registerListProducts(router, deps);
  registerGetProduct(router, deps);
  registerListCategories(router, deps);
  return router;
}

/** The back office's catalog routes (mounted after authentication, under the staff guard). */
export function createCatalogStaffRouter(deps: CatalogStaffDeps): OpenAPIHono<AppEnv> {
  const router = createRouter();
  registerStaffListProducts(router, deps);
  // Fixed paths before /staff/products/{id}, which would take them for an id.
  registerStaffProductCsv(router, deps);
  registerStaffArchiveProducts(router, deps);
  registerStaffProduct(router, deps);
  registerStaffCategories(router, deps);
  return router;
}

/** The back office's product images (mounted after `authenticate`, under the staff guard). */
export function createProductImagesRouter(deps: ProductImagesDeps): OpenAPIHono<AppEnv> {
  const router = createRouter();
  registerListStaffProductImages(router, deps);
  registerCreateStaffProductImageUpload(router, deps);
  registerAddStaffProductImage(router, deps);
  registerReorderStaffProductImages(router, deps);
  registerUpdateStaffProductImage(router, deps);
  registerDeleteStaffProductImage(router, deps);
  return router;
}
