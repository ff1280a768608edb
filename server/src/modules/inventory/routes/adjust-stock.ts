import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../platform/http/errors.js';
import {
  adjustStockBodySchema,
  idempotencyHeadersSchema,
  skuParamsSchema,
  stockAdjustmentResultSchema,
} from '../api-schemas.js';
import type { InventoryDeps } from '../deps.js';
import { adjustStock } from '../stock-adjustments.js';
import { getStockItem } from '../stock-queries.js';
import { toStockItem, toStockMovement } from '../stock-view.js';

export const adjustStockRoute = createRoute({
  operationId: 'adjustStock',
  method: 'post',
  path: '/staff/stock/{sku}/adjustments',
  tags: ['Stock'],
  summary: 'Change on hand with a reason; recorded as a movement (staff)',
  description:
    'Refused with 409 INSUFFICIENT_STOCK, writing nothing, when available stock would go below zero. ' +
    'With an Idempotency-Key, a retry answers the first result (200, `Idempotent-Replayed: true`) and applies nothing; ' +
    'the same key with a different request is 422 IDEMPOTENCY_KEY_REUSED.',
  security: [{ bearer: [] }],
  request: {
    params: skuParamsSchema,
    headers: idempotencyHeadersSchema,
    body: { required: true, content: { 'application/json': { schema: adjustStockBodySchema } } },
  },
  responses: {
    201: {
      description: 'Applied: the movement and the stock after it',
      content: { 'application/json': { schema: stockAdjustmentResultSchema } },
    },
    200: {
      description: 'A retry of an applied adjustment (same Idempotency-Key): the first result, nothing applied',
      content: { 'application/json': { schema: stockAdjustmentResultSchema } },
    },
    ...errorResponses(400, 401, 403, 404, 409, 422),
  },
});

export type AdjustStockResponse = z.infer<typeof stockAdjustmentResultSchema>;

export function registerAdjustStock(app: OpenAPIHono<AppEnv>, deps: InventoryDeps): void {
  app.openapi(adjustStockRoute, async (c) => {
    const { sku } = c.req.valid('param');
    const headers = c.req.valid('header');
    const input = c.req.valid('json');
    const me = requireUser(c);
    const outcome = await adjustStock(deps.db, {
      sku,
      delta: input.delta,
      reason: input.reason,
      note: input.note,
      actorId: me.userId,
      idempotencyKey: headers['idempotency-key'],
    });
    switch (outcome.kind) {
      case 'missing':
        throw new AppError('NOT_FOUND', `No stock for SKU ${sku}`);
      case 'insufficient': {
        const available = outcome.stock.onHand - outcome.stock.reserved;
        throw new AppError(
          'INSUFFICIENT_STOCK',
          `Only ${available} of ${sku} available (${outcome.stock.onHand} on hand, ${outcome.stock.reserved} reserved): removing ${-input.delta} would go below zero`,
          [{ path: 'delta', message: `must be at least ${-available}` }],
        );
      }
      case 'key_reused':
        throw new AppError(
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was used for a different adjustment; send a new key for a new adjustment',
          [{ path: 'idempotency-key', message: 'already used for a different adjustment' }],
        );
      case 'applied': {
        const row = await getStockItem(deps.db, { names: deps.productNames, sku });
        if (!row) throw new AppError('NOT_FOUND', `No stock for SKU ${sku}`);
        const body: AdjustStockResponse = { movement: toStockMovement(outcome.movement), stock: toStockItem(row) };
        if (outcome.replayed) {
          c.header('Idempotent-Replayed', 'true');
          return c.json(body, 200);
        }
        return c.json(body, 201);
      }
    }
  });
}
