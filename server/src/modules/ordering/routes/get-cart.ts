import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { errorResponses } from '../../../platform/http/errors.js';
import { cartSchema } from '../api-schemas.js';
import { readCart } from '../cart-view.js';
import type { OrderingDeps } from '../deps.js';

export const getCartRoute = createRoute({
  operationId: 'getCart',
  method: 'get',
  path: '/cart',
  tags: ['Cart'],
  summary: 'The signed-in user’s cart: lines with today’s product data and problems, totals with tax per rate',
  security: [{ bearer: [] }],
  responses: {
    200: { description: 'The cart', content: { 'application/json': { schema: cartSchema } } },
    ...errorResponses(401, 403),
  },
});

export type GetCartResponse = z.infer<typeof cartSchema>;

export function registerGetCart(app: OpenAPIHono<AppEnv>, deps: OrderingDeps): void {
  app.openapi(getCartRoute, async (c) => {
    const me = requireUser(c);
    const body: GetCartResponse = await readCart(deps.db, { userId: me.userId, products: deps.products });
    return c.json(body, 200);
  });
}
