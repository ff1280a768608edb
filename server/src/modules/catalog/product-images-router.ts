import type { OpenAPIHono } from '@hono/zod-openapi';
import { type AppEnv, createRouter } from '../../platform/http/app-env.js';
import type { ProductImagesDeps } from './product-images-deps.js';
import { registerAddStaffProductImage } from './routes/staff-product-images-add.js';
import { registerDeleteStaffProductImage } from './routes/staff-product-images-delete.js';
import { registerListStaffProductImages } from './routes/staff-product-images-list.js';
import { registerReorderStaffProductImages } from './routes/staff-product-images-order.js';
import { registerUpdateStaffProductImage } from './routes/staff-product-images-update.js';
import { registerCreateStaffProductImageUpload } from './routes/staff-product-images-upload.js';

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
