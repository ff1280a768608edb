import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { errorResponses } from '../../../platform/http/errors.js';
import { metrics } from '../../../platform/observability/metrics.js';
import { idempotencyKeyHeadersSchema, orderSchema, placeOrderBodySchema } from '../api-schemas.js';
import { placeOrder } from '../checkout.js';
import { assertDeliveryDate } from '../delivery.js';
import type { OrderingDeps } from '../deps.js';
import { claimIdempotencyKey, fingerprintOf, storeIdempotentResponse } from '../idempotency.js';
import { toOrder } from '../order-view.js';

export const placeOrderRoute = createRoute({
  operationId: 'placeOrder',
  method: 'post',
  path: '/orders',
  tags: ['Orders'],
  summary: 'Check out the cart, or the given lines ("buy now"); pay cash on delivery',
  description:
    'The order is `pending` until stock is reserved. `Idempotency-Key` is required: the same key and body answer ' +
    'the stored response (`Idempotent-Replayed: true`); while the first is in flight, 409 IDEMPOTENCY_KEY_IN_USE; ' +
    'the same key with another body, 422 IDEMPOTENCY_KEY_REUSED. Lines that cannot be ordered as they are: ' +
    '409 ORDER_NOT_PLACEABLE, naming each line; an emptied cart (another tab checked it out) likewise. ' +
    'Checkouts per user are limited (429 RATE_LIMITED with Retry-After), retries with a key included.',
  security: [{ bearer: [] }],
  request: {
    headers: idempotencyKeyHeadersSchema,
    body: { required: true, content: { 'application/json': { schema: placeOrderBodySchema } } },
  },
  responses: {
    201: {
      description: 'The new order; Location header',
      content: { 'application/json': { schema: orderSchema } },
    },
    ...errorResponses(400, 401, 403, 409, 422, 429),
  },
});

export type PlaceOrderResponse = z.infer<typeof orderSchema>;

export function registerPlaceOrder(app: OpenAPIHono<AppEnv>, deps: OrderingDeps): void {
  app.openapi(placeOrderRoute, async (c) => {
    const input = c.req.valid('json');
    const { 'idempotency-key': key } = c.req.valid('header');
    const me = requireUser(c);
    // One transaction: the key's claim, the order and the stored response commit together, or nothing does
    // (a failed request leaves the key free for a corrected retry).
    const answer = await deps.db.transaction(async (tx) => {
      const claim = await claimIdempotencyKey(tx, { userId: me.userId, key, fingerprint: fingerprintOf(input) });
      if (claim.kind === 'replay') return { replayed: true, order: orderSchema.parse(claim.response.body) };
      assertDeliveryDate(input.delivery.date, new Date());
      const view = toOrder(await placeOrder(tx, { userId: me.userId, input, products: deps.products }));
      await storeIdempotentResponse(tx, {
        userId: me.userId,
        key,
        claimedAt: claim.claimedAt,
        response: { status: 201, body: view },
      });
      return { replayed: false, order: view };
    });
    if (answer.replayed) c.header('Idempotent-Replayed', 'true');
    else metrics.count('OrdersPlaced');
    c.header('Location', `/api/orders/${answer.order.id}`);
    return c.json(answer.order, 201);
  });
}
