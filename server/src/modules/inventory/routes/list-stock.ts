import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { personOrServiceToken } from '../../../platform/auth/service-scopes.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { errorResponses } from '../../../platform/http/errors.js';
import { listStockQuerySchema, stockListSchema } from '../api-schemas.js';
import type { InventoryDeps } from '../deps.js';
import { listStock } from '../stock-queries.js';
import { toStockItem } from '../stock-view.js';

export const listStockRoute = createRoute({
  operationId: 'listStock',
  method: 'get',
  path: '/staff/stock',
  tags: ['Stock'],
  summary: 'Stock per SKU, searchable; or only the low ones, sold out first (staff)',
  security: personOrServiceToken('stock:read'),
  request: { query: listStockQuerySchema },
  responses: {
    200: { description: 'A page of stock items', content: { 'application/json': { schema: stockListSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

export type ListStockResponse = z.infer<typeof stockListSchema>;

export function registerListStock(app: OpenAPIHono<AppEnv>, deps: InventoryDeps): void {
  app.openapi(listStockRoute, async (c) => {
    const query = c.req.valid('query');
    const page = await listStock(deps.db, { ...query, names: deps.productNames });
    const body: ListStockResponse = { items: page.items.map(toStockItem), nextCursor: page.nextCursor };
    return c.json(body, 200);
  });
}
