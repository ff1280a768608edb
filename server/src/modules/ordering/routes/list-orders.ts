import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { errorResponses } from '../../../platform/http/errors.js';
import { listOrdersQuerySchema, orderListSchema } from '../api-schemas.js';
import type { OrderingDeps } from '../deps.js';
import { listOrders } from '../order-queries.js';

export const listOrdersRoute = createRoute({
  operationId: 'listOrders',
  method: 'get',
  path: '/orders',
  tags: ['Orders'],
  summary: 'The signed-in user’s orders, newest first, a page at a time',
  security: [{ bearer: [] }],
  request: { query: listOrdersQuerySchema },
  responses: {
    200: { description: 'A page of orders', content: { 'application/json': { schema: orderListSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

export type ListOrdersResponse = z.infer<typeof orderListSchema>;

export function registerListOrders(app: OpenAPIHono<AppEnv>, deps: OrderingDeps): void {
  app.openapi(listOrdersRoute, async (c) => {
    const query = c.req.valid('query');
    const me = requireUser(c);
    const page = await listOrders(deps.db, { userId: me.userId, cursor: query.cursor, limit: query.limit });
    const body: ListOrdersResponse = {
      items: page.items.map(({ deliveryDate, deliverySlot, ...row }) => ({
        ...row,
        subtotal: row.total,
        delivery: { date: deliveryDate, slot: deliverySlot },
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
    return c.json(body, 200);
  });
}
