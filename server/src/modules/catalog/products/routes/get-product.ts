import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../../platform/http/errors.js';
import { productSchema } from '../../api-schemas.js';
import type { CatalogDeps } from '../../deps.js';
import { getProduct } from '../product-queries.js';
import { toProduct } from '../product-view.js';

export const getProductRoute = createRoute({
  operationId: 'getProduct',
  method: 'get',
  path: '/products/{idOrSlug}',
  tags: ['Catalog'],
  summary: 'One product, by id or slug',
  // Public: no credentials (an explicit empty list, so clients and linters need not guess)
  security: [],
  request: {
    params: z.object({
      idOrSlug: z
        .string()
        .regex(/^[A-Za-z0-9-]{1,120}$/, 'must be a product id or slug')
        .openapi({ param: { name: 'idOrSlug', in: 'path' }, example: 'yukimuro-junmai-daiginjo-720ml' }),
    }),
  },
  responses: {
    200: { description: 'The product', content: { 'application/json': { schema: productSchema } } },
    ...errorResponses(400, 404),
  },
});

export type GetProductResponse = z.infer<typeof productSchema>;

export function registerGetProduct(app: OpenAPIHono<AppEnv>, deps: CatalogDeps): void {
  app.openapi(getProductRoute, async (c) => {
    const { idOrSlug } = c.req.valid('param');
    const row = await getProduct(deps.db, { stock: deps.stock, idOrSlug });
    if (!row) throw new AppError('NOT_FOUND', 'No such product');
    const body: GetProductResponse = toProduct(row, deps.mediaUrl);
    return c.json(body, 200);
  });
}
