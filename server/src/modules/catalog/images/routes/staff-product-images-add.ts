import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../../platform/http/app-env.js';
import { errorResponses } from '../../../../platform/http/errors.js';
import { addProductImageSchema, productIdParams, staffProductImageSchema } from '../../api-schemas.js';
import type { ProductImagesDeps } from '../../deps.js';
import { addImageFromUpload } from '../add-product-image.js';
import { toStaffProductImage } from '../product-image-view.js';

export const addStaffProductImageRoute = createRoute({
  operationId: 'staffAddProductImage',
  method: 'post',
  path: '/staff/products/{id}/images',
  tags: ['Back office: product images'],
  summary: 'Add an uploaded file as the last image of a product',
  description:
    'The upload must exist, be within the size limit and decode as a JPEG, PNG, WebP, AVIF or GIF image (`NOT_AN_IMAGE` otherwise; SVG is refused). WebP renditions are made once, here.',
  security: [{ bearer: [] }],
  request: {
    params: productIdParams,
    body: { required: true, content: { 'application/json': { schema: addProductImageSchema } } },
  },
  responses: {
    201: { description: 'The new image', content: { 'application/json': { schema: staffProductImageSchema } } },
    ...errorResponses(400, 401, 403, 404, 409, 413, 422),
  },
});

export type AddStaffProductImageResponse = z.infer<typeof staffProductImageSchema>;

export function registerAddStaffProductImage(app: OpenAPIHono<AppEnv>, deps: ProductImagesDeps): void {
  app.openapi(addStaffProductImageRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const row = await addImageFromUpload(deps, { productId: id, ...input }, c.get('logger'));
    const body: AddStaffProductImageResponse = toStaffProductImage(row, deps.mediaUrl);
    return c.json(body, 201);
  });
}
