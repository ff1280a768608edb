import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../platform/http/errors.js';
import { cartSchema, productIdParamsSchema } from '../api-schemas.js';
import { removeCartLine } from '../cart-store.js';
import { readCart } from '../cart-view.js';
import type { OrderingDeps } from '../deps.js';

export const removeCartLineRoute = createRoute({
  operationId: 'removeCartLine',
  method: 'delete',
  path: '/cart/lines/{productId}',
  tags: ['Cart'],
  summary: 'Take a product out of the cart',
  security: [{ bearer: [] }],
  request: { params: productIdParamsSchema },
  responses: {
    200: { description: 'The cart after the change', content: { 'application/json': { schema: cartSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export type RemoveCartLineResponse = z.infer<typeof cartSchema>;

export function registerRemoveCartLine(app: OpenAPIHono<AppEnv>, deps: OrderingDeps): void {
  app.openapi(removeCartLineRoute, async (c) => {
    const { productId } = c.req.valid('param');
    const me = requireUser(c);
    if (!(await removeCartLine(deps.db, { userId: me.userId, productId }))) {
      throw new AppError('NOT_FOUND', 'That product is not in your cart');
    }
    const body: RemoveCartLineResponse = await readCart(deps.db, { userId: me.userId, products: deps.products });
    return c.json(body, 200);
  });
}
