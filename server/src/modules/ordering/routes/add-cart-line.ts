import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { errorResponses } from '../../../platform/http/errors.js';
import { addCartLineBodySchema, cartSchema } from '../api-schemas.js';
import { addCartLine } from '../cart-store.js';
import { readCart } from '../cart-view.js';
import type { OrderingDeps } from '../deps.js';
import { requireSellableProduct } from '../order-lines.js';

export const addCartLineRoute = createRoute({
  operationId: 'addCartLine',
  method: 'post',
  path: '/cart/lines',
  tags: ['Cart'],
  summary: 'Put a product in the cart, adding to the units already there',
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { 'application/json': { schema: addCartLineBodySchema } } } },
  responses: {
    200: { description: 'The cart after the change', content: { 'application/json': { schema: cartSchema } } },
    ...errorResponses(400, 401, 403, 409, 422),
  },
});

export type AddCartLineResponse = z.infer<typeof cartSchema>;

export function registerAddCartLine(app: OpenAPIHono<AppEnv>, deps: OrderingDeps): void {
  app.openapi(addCartLineRoute, async (c) => {
    const input = c.req.valid('json');
    const me = requireUser(c);
    const product = await requireSellableProduct(deps.db, { products: deps.products, productId: input.productId });
    await addCartLine(deps.db, { userId: me.userId, product, quantity: input.quantity });
    const body: AddCartLineResponse = await readCart(deps.db, { userId: me.userId, products: deps.products });
    return c.json(body, 200);
  });
}
