import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { personOrServiceToken } from '../../../../platform/auth/service-scopes.js';
import type { AppEnv } from '../../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../../platform/http/errors.js';
import { productIdParams, staffProductImageListSchema } from '../../api-schemas.js';
import type { ProductImagesDeps } from '../../deps.js';
import { toStaffProductImage } from '../product-image-view.js';
import { listProductImages, productExists } from '../product-images.js';

export const listStaffProductImagesRoute = createRoute({
  operationId: 'staffListProductImages',
  method: 'get',
  path: '/staff/products/{id}/images',
  tags: ['Back office: product images'],
  summary: "A product's images in display order",
  security: personOrServiceToken('catalog:read'),
  request: { params: productIdParams },
  responses: {
    200: { description: 'The images', content: { 'application/json': { schema: staffProductImageListSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export type ListStaffProductImagesResponse = z.infer<typeof staffProductImageListSchema>;

export function registerListStaffProductImages(app: OpenAPIHono<AppEnv>, deps: ProductImagesDeps): void {
  app.openapi(listStaffProductImagesRoute, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await productExists(deps.db, { productId: id }))) throw new AppError('NOT_FOUND', 'No such product');
    const rows = await listProductImages(deps.db, { productId: id });
    const body: ListStaffProductImagesResponse = { items: rows.map((row) => toStaffProductImage(row, deps.mediaUrl)) };
    return c.json(body, 200);
  });
}
