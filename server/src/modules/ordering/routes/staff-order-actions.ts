import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../platform/http/errors.js';
import { etagOf, expectedVersions, ifMatchHeadersSchema, staleVersion } from '../../../platform/http/etag.js';
import { orderIdParamsSchema, staffOrderSchema } from '../api-schemas.js';
import type { OrderingDeps } from '../deps.js';
import { getStaffOrder } from '../order-queries.js';
import { type TransitionOrderParams, transitionOrder } from '../order-state-changes.js';
import type { OrderState } from '../schema.js';
import { toStaffOrder } from '../staff-order-view.js';

type StaffAction = {
  action: 'ship' | 'deliver' | 'cancel';
  to: OrderState;
  summary: string;
  description: string;
  reason?: string;
  alongside?: (deps: OrderingDeps) => TransitionOrderParams['alongside'];
};

const actions: StaffAction[] = [
  {
    action: 'ship',
    to: 'shipped',
    summary: 'Mark a confirmed order shipped; its reserved stock is sold (staff; If-Match required)',
    description:
      'The reservation is committed (on hand and reserved both drop) in the same transaction as the state change. ' +
      '409 ILLEGAL_ORDER_TRANSITION unless the order is confirmed; 409 ORDER_STOCK_NOT_RESERVED when its stock ' +
      'was released meanwhile; 412 when the If-Match is stale.',
    alongside: (deps) => async (tx, order) => {
      const outcome = await deps.commitStock(tx, { orderId: order.id });
      if (outcome.kind !== 'committed') {
        throw new AppError('ORDER_STOCK_NOT_RESERVED', `The stock of order ${order.number} is no longer reserved`);
      }
    },
  },
  {
    action: 'deliver',
    to: 'delivered',
    summary: 'Mark a shipped order delivered (staff; If-Match required)',
    description: '409 ILLEGAL_ORDER_TRANSITION unless the order is shipped; 412 when the If-Match is stale.',
  },
  {
    action: 'cancel',
    to: 'cancelled',
    summary: 'Cancel a pending or confirmed order; its reserved stock is released (staff; If-Match required)',
    description:
      'The same cancel as the customer’s: the stock service releases the reservation on OrderCancelled. ' +
      '409 ILLEGAL_ORDER_TRANSITION once shipped; 412 when the If-Match is stale.',
    reason: 'cancelled by the shop',
  },
];

function routeFor(action: StaffAction) {
  return createRoute({
    // staffShipOrder, staffDeliverOrder, staffCancelOrder
    operationId: `staff${action.action[0]?.toUpperCase()}${action.action.slice(1)}Order`,
    method: 'post',
    path: `/staff/orders/{id}/${action.action}`,
    tags: ['Orders (staff)'],
    summary: action.summary,
    description: action.description,
    security: [{ bearer: [] }],
    request: { params: orderIdParamsSchema, headers: ifMatchHeadersSchema },
    responses: {
      200: {
        description: 'The order after the change; its new ETag',
        content: { 'application/json': { schema: staffOrderSchema } },
      },
      ...errorResponses(400, 401, 403, 404, 409, 412, 428),
    },
  });
}

export type StaffOrderActionResponse = z.infer<typeof staffOrderSchema>;

/** POST /staff/orders/{id}/ship | deliver | cancel: one transition each, through the one table. */
export function registerStaffOrderActions(app: OpenAPIHono<AppEnv>, deps: OrderingDeps): void {
  for (const action of actions) {
    app.openapi(routeFor(action), async (c) => {
      const { id } = c.req.valid('param');
      const expected = expectedVersions(c.req.valid('header')['if-match']);
      const me = requireUser(c);
      const row = await deps.db.transaction(async (tx) => {
        await transitionOrder(tx, {
          orderId: id,
          to: action.to,
          actorId: me.userId,
          reason: action.reason,
          expected,
          onStale: (version) => staleVersion(c, version, 'order'),
          alongside: action.alongside?.(deps),
        });
        return getStaffOrder(tx, { orderId: id, emails: deps.customerEmails });
      });
      if (!row) throw new Error('the order just changed is missing');
      c.header('ETag', etagOf(row.version));
      const body: StaffOrderActionResponse = toStaffOrder(row);
      return c.json(body, 200);
    });
  }
}
