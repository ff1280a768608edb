import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { errorResponses } from '../../../platform/http/errors.js';
import { clearCart } from '../cart-store.js';
import type { OrderingDeps } from '../deps.js';

export const clearCartRoute = createRoute({
  operationId: 'clearCart',
  method: 'delete',
  path: '/cart',
  tags: ['Cart'],
  summary: 'Empty the cart',
  security: [{ bearer: [] }],
  responses: {
    204: { description: 'The cart is empty' },
    ...errorResponses(401, 403),
  },
});

export function registerClearCart(app: OpenAPIHono<AppEnv>, deps: OrderingDeps): void {
  app.openapi(clearCartRoute, async (c) => {
    const me = requireUser(c);
    await clearCart(deps.db, { userId: me.userId });
    return c.body(null, 204);
  });
}
