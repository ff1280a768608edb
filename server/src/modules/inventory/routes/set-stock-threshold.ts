import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../platform/http/errors.js';
import { skuParamsSchema, stockItemSchema, thresholdBodySchema } from '../api-schemas.js';
import type { InventoryDeps } from '../deps.js';
import { setLowStockThreshold } from '../stock-adjustments.js';
import { getStockItem } from '../stock-queries.js';
import { toStockItem } from '../stock-view.js';

export const setStockThresholdRoute = createRoute({
  operationId: 'setStockThreshold',
  method: 'put',
  path: '/staff/stock/{sku}/threshold',
  tags: ['Stock'],
  summary: 'Set the low-stock threshold of a SKU (staff)',
  security: [{ bearer: [] }],
  request: {
    params: skuParamsSchema,
    body: { required: true, content: { 'application/json': { schema: thresholdBodySchema } } },
  },
  responses: {
    200: {
      description: 'The stock with its new threshold',
      content: { 'application/json': { schema: stockItemSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

export type SetStockThresholdResponse = z.infer<typeof stockItemSchema>;

export function registerSetStockThreshold(app: OpenAPIHono<AppEnv>, deps: InventoryDeps): void {
  app.openapi(setStockThresholdRoute, async (c) => {
    const { sku } = c.req.valid('param');
    const { threshold } = c.req.valid('json');
    const updated = await setLowStockThreshold(deps.db, { sku, threshold });
    const row = updated ? await getStockItem(deps.db, { names: deps.productNames, sku }) : undefined;
    if (!row) throw new AppError('NOT_FOUND', `No stock for SKU ${sku}`);
    const body: SetStockThresholdResponse = toStockItem(row);
    return c.json(body, 200);
  });
}
