import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../../platform/http/errors.js';
import { createImageUploadSchema, imageUploadSchema, productIdParams } from '../../api-schemas.js';
import type { ProductImagesDeps } from '../../deps.js';
import { uploadKeyFor } from '../add-product-image.js';
import { productExists } from '../product-images.js';

/** Long enough for a slow connection to send the largest file; short enough that a leaked form soon expires. */
const uploadFormSeconds = 600;

export const createStaffProductImageUploadRoute = createRoute({
  operationId: 'staffCreateProductImageUpload',
  method: 'post',
  path: '/staff/products/{id}/images/uploads',
  tags: ['Back office: product images'],
  summary: 'A presigned form to upload one image file straight to object storage',
  description:
    'The signed form allows exactly one key, the given content type and at most `maxBytes`. Post it with the file, then register the key with POST …/images.',
  security: [{ bearer: [] }],
  request: {
    params: productIdParams,
    body: { required: true, content: { 'application/json': { schema: createImageUploadSchema } } },
  },
  responses: {
    201: { description: 'The form to post', content: { 'application/json': { schema: imageUploadSchema } } },
    ...errorResponses(400, 401, 403, 404, 429),
  },
});

export type CreateStaffProductImageUploadResponse = z.infer<typeof imageUploadSchema>;

export function registerCreateStaffProductImageUpload(app: OpenAPIHono<AppEnv>, deps: ProductImagesDeps): void {
  app.openapi(createStaffProductImageUploadRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { contentType } = c.req.valid('json');
    if (!(await productExists(deps.db, { productId: id }))) throw new AppError('NOT_FOUND', 'No such product');
    const key = uploadKeyFor(id);
    const expiresAt = new Date(Date.now() + uploadFormSeconds * 1000);
    const upload = await deps.storage.presignUpload({
      key,
      contentType,
      maxBytes: deps.maxUploadBytes,
      expiresInSeconds: uploadFormSeconds,
    });
    const body: CreateStaffProductImageUploadResponse = {
      ...upload,
      key,
      maxBytes: deps.maxUploadBytes,
      expiresAt: expiresAt.toISOString(),
    };
    return c.json(body, 201);
  });
}
