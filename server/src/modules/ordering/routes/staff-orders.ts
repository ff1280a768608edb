import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { personOrServiceToken } from '../../../platform/auth/service-scopes.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../platform/http/errors.js';
import { etagOf } from '../../../platform/http/etag.js';
import {
  listStaffOrdersQuerySchema,
  orderIdParamsSchema,
  staffOrderListSchema,
  staffOrderSchema,
} from '../api-schemas.js';
import type { OrderingDeps } from '../deps.js';
import { countOrdersByState, getStaffOrder, listAllOrders } from '../order-queries.js';
import { toStaffOrder } from '../staff-order-view.js';

export const listStaffOrdersRoute = createRoute({
  operationId: 'staffListOrders',
  method: 'get',
  path: '/staff/orders',
  tags: ['Orders (staff)'],
  summary: 'Every customer’s orders, newest first; by state, or searched by number or email (staff)',
  security: personOrServiceToken('orders:read'),
  request: { query: listStaffOrdersQuerySchema },
  responses: {
    200: { description: 'A page of orders', content: { 'application/json': { schema: staffOrderListSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

export type ListStaffOrdersResponse = z.infer<typeof staffOrderListSchema>;

export const getStaffOrderRoute = createRoute({
  operationId: 'staffGetOrder',
  method: 'get',
  path: '/staff/orders/{id}',
  tags: ['Orders (staff)'],
  summary: 'One order with its customer and history, and its ETag (staff)',
  security: personOrServiceToken('orders:read'),
  request: { params: orderIdParamsSchema },
  responses: {
    200: { description: 'The order; ETag header', content: { 'application/json': { schema: staffOrderSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export type GetStaffOrderResponse = z.infer<typeof staffOrderSchema>;

export function registerStaffOrders(app: OpenAPIHono<AppEnv>, deps: OrderingDeps): void {
  app.openapi(listStaffOrdersRoute, async (c) => {
    const query = c.req.valid('query');
    const [page, counts] = await Promise.all([
      listAllOrders(deps.db, { ...query, emails: deps.customerEmails }),
      countOrdersByState(deps.db),
    ]);
    const body: ListStaffOrdersResponse = {
      items: page.items.map(({ deliveryDate, deliverySlot, ...row }) => ({
        ...row,
        subtotal: row.total,
        delivery: { date: deliveryDate, slot: deliverySlot },
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      })),
      nextCursor: page.nextCursor,
      counts,
    };
    return c.json(body, 200);
  });

  app.openapi(getStaffOrderRoute, async (c) => {
    const { id } = c.req.valid('param');
    const row = await getStaffOrder(deps.db, { orderId: id, emails: deps.customerEmails });
    if (!row) throw new AppError('NOT_FOUND', 'No such order');
    c.header('ETag', etagOf(row.version));
    const body: GetStaffOrderResponse = toStaffOrder(row);
    return c.json(body, 200);
  });
}
