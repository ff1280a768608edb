import type { OpenAPIHono } from '@hono/zod-openapi';
import { type AppEnv, createRouter } from '../../platform/http/app-env.js';
import type { CatalogDeps } from './catalog-deps.js';
import { registerGetProduct } from './routes/get-product.js';
import { registerListCategories } from './routes/list-categories.js';
import { registerListProducts } from './routes/list-products.js';

/** The catalog's public (unauthenticated) storefront routes. */
export function createCatalogRouter(deps: CatalogDeps): OpenAPIHono<AppEnv> {
  const router = createRouter();
  registerListProducts(router, deps);
  registerGetProduct(router, deps);
  registerListCategories(router, deps);
  return router;
}
