import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../platform/http/errors.js';
import { expectedVersions, ifMatchHeadersSchema, staleVersion } from '../../../platform/http/etag.js';
import { todoIdParamsSchema } from '../api-schemas.js';
import type { TodosDeps } from '../deps.js';
import { deleteTodo } from '../todo-writes.js';

export const deleteTodoRoute = createRoute({
  operationId: 'deleteTodo',
  method: 'delete',
  path: '/todos/{id}',
  tags: ['Todos'],
  summary: 'Delete a todo (If-Match required)',
  security: [{ bearer: [] }],
  request: { params: todoIdParamsSchema, headers: ifMatchHeadersSchema },
  responses: {
    204: { description: 'Deleted' },
    ...errorResponses(400, 401, 403, 404, 412, 428),
  },
});

export function registerDeleteTodo(app: OpenAPIHono<AppEnv>, deps: TodosDeps): void {
  app.openapi(deleteTodoRoute, async (c) => {
    const { id } = c.req.valid('param');
    const me = requireUser(c);
    const expected = expectedVersions(c.req.valid('header')['if-match']);
    const outcome = await deleteTodo(deps.db, { userId: me.userId, id, expected });
    if (outcome.kind === 'missing') throw new AppError('NOT_FOUND', 'No such todo');
    if (outcome.kind === 'stale') throw staleVersion(c, outcome.version, 'todo');
    return c.body(null, 204);
  });
}
