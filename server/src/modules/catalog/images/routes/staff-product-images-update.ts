import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../../platform/http/errors.js';
import { productImageParams, staffProductImageSchema, updateProductImageSchema } from '../../api-schemas.js';
import type { ProductImagesDeps } from '../../deps.js';
import { toStaffProductImage } from '../product-image-view.js';
import { updateProductImageAlt } from '../product-images.js';

export const updateStaffProductImageRoute = createRoute({
  operationId: 'staffUpdateProductImage',
  method: 'patch',
  path: '/staff/products/{id}/images/{imageId}',
  tags: ['Back office: product images'],
  summary: "Change an image's alt text",
  security: [{ bearer: [] }],
  request: {
    params: productImageParams,
    body: { required: true, content: { 'application/json': { schema: updateProductImageSchema } } },
  },
  responses: {
    200: { description: 'The image', content: { 'application/json': { schema: staffProductImageSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export type UpdateStaffProductImageResponse = z.infer<typeof staffProductImageSchema>;

export function registerUpdateStaffProductImage(app: OpenAPIHono<AppEnv>, deps: ProductImagesDeps): void {
  app.openapi(updateStaffProductImageRoute, async (c) => {
    const { id, imageId } = c.req.valid('param');
    const changes = c.req.valid('json');
    const row = await updateProductImageAlt(deps.db, { productId: id, imageId, ...changes });
    if (!row) throw new AppError('NOT_FOUND', 'No such image');
    const body: UpdateStaffProductImageResponse = toStaffProductImage(row, deps.mediaUrl);
    return c.json(body, 200);
  });
}
