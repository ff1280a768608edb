import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { Database } from '../../../platform/db/database.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { pageParams } from '../../../platform/http/cursor.js';
import { errorResponses } from '../../../platform/http/errors.js';
import { auditLogSchema } from '../api-schemas.js';
import { listAuditLog } from '../audit-log.js';

export const listAuditLogRoute = createRoute({
  operationId: 'listAuditLog',
  method: 'get',
  path: '/admin/audit-log',
  tags: ['Admin'],
  summary: 'Who changed what, newest first (admin)',
  security: [{ bearer: [] }],
  request: {
    query: z.object({
      ...pageParams(50),
    }),
  },
  responses: {
    200: { description: 'A page of audit entries', content: { 'application/json': { schema: auditLogSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

export type AuditLogResponse = z.infer<typeof auditLogSchema>;

export function registerAdminAuditLog(app: OpenAPIHono<AppEnv>, deps: { db: Database }): void {
  app.openapi(listAuditLogRoute, async (c) => {
    const query = c.req.valid('query');
    requireUser(c, 'admin');
    const page = await listAuditLog(deps.db, query);
    const body: AuditLogResponse = {
      items: page.items.map((e) => ({ ...e, at: e.at.toISOString(), before: e.before, after: e.after })),
      nextCursor: page.nextCursor,
    };
    return c.json(body, 200);
  });
}
