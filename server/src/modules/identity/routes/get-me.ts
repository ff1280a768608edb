import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { Database } from '../../../platform/db/database.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../platform/http/errors.js';
import { toUser, userSchema } from '../api-schemas.js';
import { getUserById } from '../users.js';

export const getMeRoute = createRoute({
  operationId: 'getMe',
  method: 'get',
  path: '/me',
  tags: ['Identity'],
  summary: 'The signed-in user (created on first sign-in)',
  security: [{ bearer: [] }],
  responses: {
    200: { description: 'The signed-in user', content: { 'application/json': { schema: userSchema } } },
    ...errorResponses(401, 403),
  },
});

export type GetMeResponse = z.infer<typeof userSchema>;

export function registerGetMe(app: OpenAPIHono<AppEnv>, deps: { db: Database }): void {
  app.openapi(getMeRoute, async (c) => {
    const me = requireUser(c);
    const row = await getUserById(deps.db, me.userId);
    if (!row) throw new AppError('NOT_FOUND', 'No such user');
    const body: GetMeResponse = toUser(row);
    return c.json(body, 200);
  });
}
