import type { OpenAPIHono } from '@hono/zod-openapi';
import { type AppEnv, createRouter } from '../../platform/http/app-env.js';
import type { InventoryDeps } from './deps.js';
import { registerAdjustStock } from './routes/adjust-stock.js';
import { registerGetStockItem } from './routes/get-stock-item.js';
import { registerListStock } from './routes/list-stock.js';
import { registerListStockMovements } from './routes/list-stock-movements.js';
import { registerSetStockThreshold } from './routes/set-stock-threshold.js';

/** The back office's stock routes (mounted under /api/staff, after `authenticate` and the staff role check). */
export function createInventoryRouter(deps: InventoryDeps): OpenAPIHono<AppEnv> {
  const router = createRouter();
  registerListStock(router, deps);
  registerGetStockItem(router, deps);
  registerListStockMovements(router, deps);
  registerAdjustStock(router, deps);
  registerSetStockThreshold(router, deps);
  return router;
}
