import type { OpenAPIHono } from '@hono/zod-openapi';
import { type AppEnv, createRouter } from '../../platform/http/app-env.js';
import type { OrderingDeps } from './ordering-deps.js';
import { registerAddCartLine } from './routes/add-cart-line.js';
import { registerCancelOrder } from './routes/cancel-order.js';
import { registerClearCart } from './routes/clear-cart.js';
import { registerGetCart } from './routes/get-cart.js';
import { registerGetOrder } from './routes/get-order.js';
import { registerListOrders } from './routes/list-orders.js';
import { registerMergeCart } from './routes/merge-cart.js';
import { registerPlaceOrder } from './routes/place-order.js';
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
  registerPlaceOrder(router, deps);
  registerListOrders(router, deps);
  registerGetOrder(router, deps);
  registerCancelOrder(router, deps);
  return router;
}
