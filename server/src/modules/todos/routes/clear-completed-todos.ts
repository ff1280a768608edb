import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { errorResponses } from '../../../platform/http/errors.js';
import { bulkResultSchema } from '../api-schemas.js';
import type { TodosDeps } from '../deps.js';
import { countTodos } from '../todo-queries.js';
import { deleteCompletedTodos } from '../todo-writes.js';

export const clearCompletedTodosRoute = createRoute({
  operationId: 'clearCompletedTodos',
  method: 'post',
  path: '/todos/clear-completed',
  tags: ['Todos'],
  summary: 'Delete all of the user’s completed todos (TodoMVC’s “Clear completed”)',
  security: [{ bearer: [] }],
  responses: {
    200: {
      description: 'How many todos were deleted, and the new counts',
      content: { 'application/json': { schema: bulkResultSchema } },
    },
    ...errorResponses(401, 403),
  },
});

export type ClearCompletedTodosResponse = z.infer<typeof bulkResultSchema>;

export function registerClearCompletedTodos(app: OpenAPIHono<AppEnv>, deps: TodosDeps): void {
  app.openapi(clearCompletedTodosRoute, async (c) => {
    const me = requireUser(c);
    const changed = await deleteCompletedTodos(deps.db, { userId: me.userId });
    const body: ClearCompletedTodosResponse = { changed, counts: await countTodos(deps.db, me.userId) };
    return c.json(body, 200);
  });
}
