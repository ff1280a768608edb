import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../platform/http/errors.js';
import { orderIdParamsSchema, orderSchema } from '../api-schemas.js';
import type { OrderingDeps } from '../deps.js';
import { getOrder } from '../order-queries.js';
import { toOrder } from '../order-view.js';

export const getOrderRoute = createRoute({
  operationId: 'getOrder',
  method: 'get',
  path: '/orders/{id}',
  tags: ['Orders'],
  summary: 'One of the signed-in user’s orders',
  security: [{ bearer: [] }],
  request: { params: orderIdParamsSchema },
  responses: {
    200: { description: 'The order', content: { 'application/json': { schema: orderSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export type GetOrderResponse = z.infer<typeof orderSchema>;

export function registerGetOrder(app: OpenAPIHono<AppEnv>, deps: OrderingDeps): void {
  app.openapi(getOrderRoute, async (c) => {
    const { id } = c.req.valid('param');
    const me = requireUser(c);
    const row = await getOrder(deps.db, { userId: me.userId, orderId: id });
    if (!row) throw new AppError('NOT_FOUND', 'No such order');
    const body: GetOrderResponse = toOrder(row);
    return c.json(body, 200);
  });
}
