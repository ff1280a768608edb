import type { OpenAPIHono } from '@hono/zod-openapi';
import { type AppEnv, createRouter } from '../../platform/http/app-env.js';
import type { OrderingDeps } from './deps.js';
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
import { registerStaffOrderActions } from './routes/staff-order-actions.js';
import { registerStaffOrders } from './routes/staff-orders.js';

/**
 * Each signed-in user's cart and orders, and the back office's orders under
 * /staff (mounted after `authenticate` and the staff role check).
 */
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
  registerStaffOrders(router, deps);
  registerStaffOrderActions(router, deps);
  return router;
}
