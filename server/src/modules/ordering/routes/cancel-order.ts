import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import { enqueueEvent } from '../../../platform/events/outbox.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../platform/http/errors.js';
import { orderIdParamsSchema, orderSchema } from '../api-schemas.js';
import { lockOrder, setOrderState } from '../checkout.js';
import { type OrderCancelled, orderingEvents } from '../events.js';
import { getOrder } from '../order-queries.js';
import { assertTransition } from '../order-states.js';
import { toOrder } from '../order-view.js';
import type { OrderingDeps } from '../ordering-deps.js';

export const cancelOrderRoute = createRoute({
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
      const order = await lockOrder(tx, { userId: me.userId, orderId: id });
      if (!order) throw new AppError('NOT_FOUND', 'No such order');
      assertTransition(order.state, 'cancelled');
      await setOrderState(tx, { orderId: order.id, state: 'cancelled', reason: 'cancelled by the customer' });
      const payload: OrderCancelled = { orderId: order.id, userId: me.userId };
      await enqueueEvent(tx, { type: orderingEvents.OrderCancelled, key: order.id, payload });
      const full = await getOrder(tx, { userId: me.userId, orderId: order.id });
      if (!full) throw new Error('the order just cancelled is missing');
      return toOrder(full);
    });
    return c.json(body, 200);
  });
}
