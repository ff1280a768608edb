import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { errorResponses } from '../../../platform/http/errors.js';
import { cartSchema, mergeCartBodySchema } from '../api-schemas.js';
import { addCartLine } from '../cart-store.js';
import { readCart } from '../cart-view.js';
import type { OrderingDeps } from '../deps.js';

export const mergeCartRoute = createRoute({
  operationId: 'mergeCart',
  method: 'post',
  path: '/cart/merge',
  tags: ['Cart'],
  summary: 'Merge the guest cart kept in the browser into the user’s cart (on sign-in)',
  description:
    'Quantities add up, capped at 99 a line. A guest cart can be old: products that no longer exist or are ' +
    'no longer sold are left out rather than refused.',
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { 'application/json': { schema: mergeCartBodySchema } } } },
  responses: {
    200: { description: 'The merged cart', content: { 'application/json': { schema: cartSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

export type MergeCartResponse = z.infer<typeof cartSchema>;

export function registerMergeCart(app: OpenAPIHono<AppEnv>, deps: OrderingDeps): void {
  app.openapi(mergeCartRoute, async (c) => {
    const input = c.req.valid('json');
    const me = requireUser(c);
    const facts = await deps.products(
      deps.db,
      input.lines.map((line) => line.productId),
    );
    await deps.db.transaction(async (tx) => {
      for (const line of input.lines) {
        const product = facts.get(line.productId);
        if (!product?.active) continue;
        await addCartLine(tx, { userId: me.userId, product, quantity: line.quantity, cap: true });
      }
    });
    const body: MergeCartResponse = await readCart(deps.db, { userId: me.userId, products: deps.products });
    return c.json(body, 200);
  });
}
