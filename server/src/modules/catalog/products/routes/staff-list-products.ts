import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { personOrServiceToken } from '../../../../platform/auth/service-scopes.js';
import type { AppEnv } from '../../../../platform/http/app-env.js';
import { errorResponses } from '../../../../platform/http/errors.js';
import { staffListProductsQuery, staffProductListSchema } from '../../api-schemas.js';
import type { CatalogStaffDeps } from '../../deps.js';
import { listProducts } from '../product-queries.js';
import { toStaffProductSummary } from '../product-view.js';

export const staffListProductsRoute = createRoute({
  operationId: 'staffListProducts',
  method: 'get',
  path: '/staff/products',
  tags: ['Back office'],
  summary: 'Search, filter and page through all products, archived ones too (staff)',
  security: personOrServiceToken('catalog:read'),
  request: { query: staffListProductsQuery },
  responses: {
    200: { description: 'A page of products', content: { 'application/json': { schema: staffProductListSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

export type StaffListProductsResponse = z.infer<typeof staffProductListSchema>;

export function registerStaffListProducts(app: OpenAPIHono<AppEnv>, deps: CatalogStaffDeps): void {
  app.openapi(staffListProductsRoute, async (c) => {
    const query = c.req.valid('query');
    const q = query.q?.trim();
    const page = await listProducts(deps.db, {
      stock: deps.stock,
      ...query,
      q: q === '' ? undefined : q,
      active: query.active === undefined ? 'any' : query.active === 'true',
      countTotal: true,
    });
    const body: StaffListProductsResponse = {
      items: page.items.map((row) => toStaffProductSummary(row, deps.mediaUrl)),
      nextCursor: page.nextCursor,
      total: page.total ?? 0,
    };
    return c.json(body, 200);
  });
}
