import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../../platform/http/app-env.js';
import { pageParams } from '../../../../platform/http/cursor.js';
import { AppError, errorResponses } from '../../../../platform/http/errors.js';
import { productListSchema } from '../../api-schemas.js';
import type { CatalogDeps } from '../../deps.js';
import { foundOnlyNear, listProducts, productSorts, suggestQuery } from '../product-queries.js';
import { toProductSummary } from '../product-view.js';

const yen = (name: string) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number of yen')
    .min(0, 'must not be negative')
    .max(100_000_000, 'is too large')
    .optional()
    .openapi({ param: { name, in: 'query' }, example: name === 'minPrice' ? 1000 : 5000 });

export const listProductsQuery = z.object({
  q: z
    .string()
    .max(100, 'must be at most 100 characters')
    .optional()
    .openapi({ description: 'Search in Japanese or English names and descriptions; tolerates typos', example: '純米' }),
  category: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/, 'must be a category slug')
    .optional()
    .openapi({ example: 'sake' }),
  minPrice: yen('minPrice'),
  maxPrice: yen('maxPrice'),
  inStock: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .optional()
    .openapi({ description: 'true: only orderable products; false: only sold-out ones' }),
  sort: z
    .enum(productSorts, { error: `must be one of ${productSorts.join(', ')}` })
    .optional()
    .openapi({ description: 'Default: relevance with q, otherwise newest' }),
  ...pageParams(24),
});

export const listProductsRoute = createRoute({
  operationId: 'listProducts',
  method: 'get',
  path: '/products',
  tags: ['Catalog'],
  summary: 'Search and browse products',
  // Public: no credentials (an explicit empty list, so clients and linters need not guess)
  security: [],
  request: { query: listProductsQuery },
  responses: {
    200: { description: 'A page of products', content: { 'application/json': { schema: productListSchema } } },
    ...errorResponses(400),
  },
});

export type ListProductsResponse = z.infer<typeof productListSchema>;

export function registerListProducts(app: OpenAPIHono<AppEnv>, deps: CatalogDeps): void {
  app.openapi(listProductsRoute, async (c) => {
    const query = c.req.valid('query');
    if (query.minPrice !== undefined && query.maxPrice !== undefined && query.minPrice > query.maxPrice) {
      throw new AppError('VALIDATION_FAILED', 'Invalid maxPrice: must not be below minPrice', [
        { path: 'maxPrice', message: 'must not be below minPrice' },
      ]);
    }
    const q = query.q?.trim();
    const page = await listProducts(deps.db, {
      stock: deps.stock,
      ...query,
      active: true,
      soldOutLast: true,
      q: q === '' ? undefined : q,
      inStock: query.inStock === undefined ? undefined : query.inStock === 'true',
    });
    // Only a first page where some term was not found as typed asks for a suggestion: a search that
    // finds what was typed is one round trip.
    const suggestion = q && !query.cursor && foundOnlyNear(page) ? ((await suggestQuery(deps.db, q)) ?? null) : null;
    const body: ListProductsResponse = {
      items: page.items.map((row) => toProductSummary(row, deps.mediaUrl)),
      nextCursor: page.nextCursor,
      suggestion,
    };
    return c.json(body, 200);
  });
}
