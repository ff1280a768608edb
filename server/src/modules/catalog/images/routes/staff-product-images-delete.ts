import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../../platform/http/errors.js';
import { productImageParams } from '../../api-schemas.js';
import type { ProductImagesDeps } from '../../deps.js';
import { objectKeysOf } from '../product-image-view.js';
import { deleteProductImage, lockProductForImages } from '../product-images.js';

export const deleteStaffProductImageRoute = createRoute({
  operationId: 'staffDeleteProductImage',
  method: 'delete',
  path: '/staff/products/{id}/images/{imageId}',
  tags: ['Back office: product images'],
  summary: 'Remove an image with its original and every rendition; the others close the gap',
  security: [{ bearer: [] }],
  request: { params: productImageParams },
  responses: {
    204: { description: 'Removed' },
    ...errorResponses(400, 401, 403, 404),
  },
});

export function registerDeleteStaffProductImage(app: OpenAPIHono<AppEnv>, deps: ProductImagesDeps): void {
  app.openapi(deleteStaffProductImageRoute, async (c) => {
    const { id, imageId } = c.req.valid('param');
    const row = await deps.db.transaction(async (tx) => {
      if (!(await lockProductForImages(tx, { productId: id }))) return undefined;
      return deleteProductImage(tx, { productId: id, imageId });
    });
    if (!row) throw new AppError('NOT_FOUND', 'No such image');
    // After the commit: no row points at these objects any more.
    await Promise.all(objectKeysOf(row).map((key) => deps.storage.delete(key)));
    return c.body(null, 204);
  });
}
