import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { personOrServiceToken } from '../../../platform/auth/service-scopes.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../platform/http/errors.js';
import { listMovementsQuerySchema, skuParamsSchema, stockMovementListSchema } from '../api-schemas.js';
import type { InventoryDeps } from '../deps.js';
import { getStockItem, listMovements } from '../stock-queries.js';
import { toStockMovement } from '../stock-view.js';

export const listStockMovementsRoute = createRoute({
  operationId: 'listStockMovements',
  method: 'get',
  path: '/staff/stock/{sku}/movements',
  tags: ['Stock'],
  summary: 'One SKU’s movement history, newest first (staff)',
  security: personOrServiceToken('stock:read'),
  request: { params: skuParamsSchema, query: listMovementsQuerySchema },
  responses: {
    200: { description: 'A page of movements', content: { 'application/json': { schema: stockMovementListSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export type ListStockMovementsResponse = z.infer<typeof stockMovementListSchema>;

export function registerListStockMovements(app: OpenAPIHono<AppEnv>, deps: InventoryDeps): void {
  app.openapi(listStockMovementsRoute, async (c) => {
    const { sku } = c.req.valid('param');
    const query = c.req.valid('query');
    const [row, page] = await Promise.all([
      getStockItem(deps.db, { names: deps.productNames, sku }),
      listMovements(deps.db, { sku, ...query }),
    ]);
    if (!row) throw new AppError('NOT_FOUND', `No stock for SKU ${sku}`);
    const body: ListStockMovementsResponse = { items: page.items.map(toStockMovement), nextCursor: page.nextCursor };
    return c.json(body, 200);
  });
}
