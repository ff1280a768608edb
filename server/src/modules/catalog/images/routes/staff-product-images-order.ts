import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../../platform/http/errors.js';
import { productIdParams, reorderProductImagesSchema, staffProductImageListSchema } from '../../api-schemas.js';
import type { ProductImagesDeps } from '../../deps.js';
import { toStaffProductImage } from '../product-image-view.js';
import { listProductImages, lockProductForImages, reorderProductImages } from '../product-images.js';

export const reorderStaffProductImagesRoute = createRoute({
  operationId: 'staffReorderProductImages',
  method: 'put',
  path: '/staff/products/{id}/images/order',
  tags: ['Back office: product images'],
  summary: "Set the display order of a product's images",
  security: [{ bearer: [] }],
  request: {
    params: productIdParams,
    body: { required: true, content: { 'application/json': { schema: reorderProductImagesSchema } } },
  },
  responses: {
    200: {
      description: 'The images in their new order',
      content: { 'application/json': { schema: staffProductImageListSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

export type ReorderStaffProductImagesResponse = z.infer<typeof staffProductImageListSchema>;

export function registerReorderStaffProductImages(app: OpenAPIHono<AppEnv>, deps: ProductImagesDeps): void {
  app.openapi(reorderStaffProductImagesRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { imageIds } = c.req.valid('json');
    const rows = await deps.db.transaction(async (tx) => {
      if (!(await lockProductForImages(tx, { productId: id }))) throw new AppError('NOT_FOUND', 'No such product');
      if (!(await reorderProductImages(tx, { productId: id, imageIds }))) {
        throw new AppError('VALIDATION_FAILED', "Invalid imageIds: must list each of the product's images once", [
          { path: 'imageIds', message: "must list each of the product's images exactly once" },
        ]);
      }
      return listProductImages(tx, { productId: id });
    });
    const body: ReorderStaffProductImagesResponse = {
      items: rows.map((row) => toStaffProductImage(row, deps.mediaUrl)),
    };
    return c.json(body, 200);
  });
}
