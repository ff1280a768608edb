import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { errorResponses } from '../../../platform/http/errors.js';
import { orderIdParamsSchema, orderSchema } from '../api-schemas.js';
import type { OrderingDeps } from '../deps.js';
import { getOrder } from '../order-queries.js';
import { transitionOrder } from '../order-state-changes.js';
import { toOrder } from '../order-view.js';

export const cancelOrderRoute = createRoute({
  operationId: 'cancelOrder',
  method: 'post',
  path: '/orders/{id}/cancel',
  tags: ['Orders'],
  summary: 'Cancel a pending or confirmed order; its reserved stock is released',
  security: [{ bearer: [] }],
  request: { params: orderIdParamsSchema },
  responses: {
    200: { description: 'The cancelled order', content: { 'application/json': { schema: orderSchema } } },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export type CancelOrderResponse = z.infer<typeof orderSchema>;

export function registerCancelOrder(app: OpenAPIHono<AppEnv>, deps: OrderingDeps): void {
  app.openapi(cancelOrderRoute, async (c) => {
    const { id } = c.req.valid('param');
    const me = requireUser(c);
    const body: CancelOrderResponse = await deps.db.transaction(async (tx) => {
      // Stock's consumer releases the reservation on the OrderCancelled this announces.
      await transitionOrder(tx, {
        orderId: id,
        to: 'cancelled',
        userId: me.userId,
        actorId: me.userId,
        reason: 'cancelled by the customer',
      });
      const full = await getOrder(tx, { userId: me.userId, orderId: id });
      if (!full) throw new Error('the order just cancelled is missing');
      return toOrder(full);
    });
    return c.json(body, 200);
  });
}
