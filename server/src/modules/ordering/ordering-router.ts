import type { OpenAPIHono } from '@hono/zod-openapi';
import { type AppEnv, createRouter } from '../../platform/http/app-env.js';
import type { OrderingDeps } from './ordering-deps.js';
import { registerAddCartLine } from './routes/add-cart-line.js';
import { registerClearCart } from './routes/clear-cart.js';
import { registerGetCart } from './routes/get-cart.js';
import { registerMergeCart } from './routes/merge-cart.js';
import { registerRemoveCartLine } from './routes/remove-cart-line.js';
import { registerSetCartLine } from './routes/set-cart-line.js';

/** Each signed-in user's cart and orders (mounted after `authenticate`). */
export function createOrderingRouter(deps: OrderingDeps): OpenAPIHono<AppEnv> {
  const router = createRouter();
  registerGetCart(router, deps);
  registerAddCartLine(router, deps);
  registerMergeCart(router, deps);
  registerSetCartLine(router, deps);
  registerRemoveCartLine(router, deps);
  registerClearCart(router, deps);
  return router;
}
