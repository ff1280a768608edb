import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { personOrServiceToken } from '../../../platform/auth/service-scopes.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../platform/http/errors.js';
import { skuParamsSchema, stockDetailSchema } from '../api-schemas.js';
import type { InventoryDeps } from '../deps.js';
import { getStockItem, listMovements } from '../stock-queries.js';
import { toStockItem, toStockMovement } from '../stock-view.js';

export const getStockItemRoute = createRoute({
  operationId: 'getStockItem',
  method: 'get',
  path: '/staff/stock/{sku}',
  tags: ['Stock'],
  summary: 'One SKU’s stock with its recent movements (staff)',
  security: personOrServiceToken('stock:read'),
  request: { params: skuParamsSchema },
  responses: {
    200: {
      description: 'The stock and its newest movements',
      content: { 'application/json': { schema: stockDetailSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

export type GetStockItemResponse = z.infer<typeof stockDetailSchema>;

const recentMovementCount = 20;

export function registerGetStockItem(app: OpenAPIHono<AppEnv>, deps: InventoryDeps): void {
  app.openapi(getStockItemRoute, async (c) => {
    const { sku } = c.req.valid('param');
    const [row, movements] = await Promise.all([
      getStockItem(deps.db, { names: deps.productNames, sku }),
      listMovements(deps.db, { sku, limit: recentMovementCount }),
    ]);
    if (!row) throw new AppError('NOT_FOUND', `No stock for SKU ${sku}`);
    const body: GetStockItemResponse = {
      stock: toStockItem(row),
      movements: movements.items.map(toStockMovement),
      movementsCursor: movements.nextCursor,
    };
    return c.json(body, 200);
  });
}
