import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { countStockAlerts } from '../../modules/inventory/public.js';
import { countOrdersByState } from '../../modules/ordering/public.js';
import { requireUser } from '../../platform/auth/authenticate.js';
import type { DatabaseOrTransaction } from '../../platform/db/database.js';
import type { EventTransport } from '../../platform/events/transport.js';
import { type AppEnv, createRouter } from '../../platform/http/app-env.js';
import { errorResponses } from '../../platform/http/errors.js';

/**
 * Dead letters are counted by listing them (the transport has no count; on
 * SQS a listing is a scan), so the count stops here and says it stopped.
 */
export const deadLetterCountLimit = 100;

const staffOverviewSchema = z
  .object({
    ordersToPack: z.int().openapi({ description: 'Confirmed orders: stock is reserved, they wait to be shipped' }),
    stock: z.object({
      soldOut: z.int().openapi({ description: 'SKUs with nothing left to sell' }),
      low: z.int().openapi({ description: 'SKUs at or below their low-stock threshold that still have some' }),
    }),
    deadLetters: z.object({
      count: z.int().openapi({ description: `Events that kept failing, counted up to ${deadLetterCountLimit}` }),
      more: z.boolean().openapi({ description: `true when there are more than ${deadLetterCountLimit}` }),
    }),
  })
  .openapi('StaffOverview');

export const getStaffOverviewRoute = createRoute({
  operationId: 'getStaffOverview',
  method: 'get',
  path: '/staff/overview',
  tags: ['Back office'],
  summary: 'What needs doing now: orders to pack, stock running out, failed events (staff)',
  security: [{ bearer: [] }],
  responses: {
    200: { description: 'The counts', content: { 'application/json': { schema: staffOverviewSchema } } },
    ...errorResponses(401, 403),
  },
});

export type StaffOverviewResponse = z.infer<typeof staffOverviewSchema>;

export type StaffOverviewDeps = {
  db: DatabaseOrTransaction;
  transport: Pick<EventTransport, 'listDeadLetters'>;
};

/** The back office's home page counts, across ordering, inventory and the event queue. */
export function createStaffOverviewRouter(deps: StaffOverviewDeps): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.openapi(getStaffOverviewRoute, async (c) => {
    requireUser(c, 'staff', 'admin');
    // Independent reads (the last a queue scan on SQS): one wait, not three.
    const [orders, stock, letters] = await Promise.all([
      countOrdersByState(deps.db),
      countStockAlerts(deps.db),
      deps.transport.listDeadLetters({ limit: deadLetterCountLimit + 1 }),
    ]);
    const body: StaffOverviewResponse = {
      ordersToPack: orders.confirmed,
      stock,
      deadLetters: {
        count: Math.min(letters.length, deadLetterCountLimit),
        more: letters.length > deadLetterCountLimit,
      },
    };
    return c.json(body, 200);
  });
  return router;
}
