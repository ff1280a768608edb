import type { OpenAPIHono } from '@hono/zod-openapi';
import { type AppEnv, createRouter } from '../../platform/http/app-env.js';
import type { CatalogDeps, CatalogStaffDeps } from './catalog-deps.js';
import { registerGetProduct } from './routes/get-product.js';
import { registerListCategories } from './routes/list-categories.js';
import { registerListProducts } from './routes/list-products.js';
import { registerStaffArchiveProducts } from './routes/staff-archive-products.js';
import { registerStaffCategories } from './routes/staff-categories.js';
import { registerStaffListProducts } from './routes/staff-list-products.js';
import { registerStaffProduct } from './routes/staff-product.js';
import { importProductsPath, maxImportBytes, registerStaffProductCsv } from './routes/staff-product-csv.js';

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

/** Paths (under the mount point) whose bodies may exceed the default limit: the CSV import. */
export const catalogLargeBodies: Readonly<Record<string, number>> = { [importProductsPath]: maxImportBytes };
