import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../platform/http/errors.js';
import { cartSchema, productIdParamsSchema, setCartLineBodySchema } from '../api-schemas.js';
import { setCartLineQuantity } from '../cart-store.js';
import { readCart } from '../cart-view.js';
import type { OrderingDeps } from '../deps.js';

export const setCartLineRoute = createRoute({
  operationId: 'setCartLine',
  method: 'put',
  path: '/cart/lines/{productId}',
  tags: ['Cart'],
  summary: 'Change how many units of a product are in the cart (and accept its current price)',
  security: [{ bearer: [] }],
  request: {
    params: productIdParamsSchema,
    body: { required: true, content: { 'application/json': { schema: setCartLineBodySchema } } },
  },
  responses: {
    200: { description: 'The cart after the change', content: { 'application/json': { schema: cartSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export type SetCartLineResponse = z.infer<typeof cartSchema>;

export function registerSetCartLine(app: OpenAPIHono<AppEnv>, deps: OrderingDeps): void {
  app.openapi(setCartLineRoute, async (c) => {
    const { productId } = c.req.valid('param');
    const input = c.req.valid('json');
    const me = requireUser(c);
    const product = (await deps.products(deps.db, [productId])).get(productId);
    const row = product
      ? await setCartLineQuantity(deps.db, { userId: me.userId, product, quantity: input.quantity })
      : undefined;
    if (!row) throw new AppError('NOT_FOUND', 'That product is not in your cart');
    const body: SetCartLineResponse = await readCart(deps.db, { userId: me.userId, products: deps.products });
    return c.json(body, 200);
  });
}
