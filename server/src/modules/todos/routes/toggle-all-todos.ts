import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { errorResponses } from '../../../platform/http/errors.js';
import { bulkResultSchema, toggleAllBodySchema } from '../api-schemas.js';
import type { TodosDeps } from '../deps.js';
import { countTodos } from '../todo-queries.js';
import { setAllCompleted } from '../todo-writes.js';

export const toggleAllTodosRoute = createRoute({
  operationId: 'toggleAllTodos',
  method: 'post',
  path: '/todos/toggle-all',
  tags: ['Todos'],
  summary: 'Complete or reopen all of the user’s todos (TodoMVC’s toggle-all)',
  description: 'A bulk intent, so no If-Match: only todos not yet in the state change, and their versions move.',
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { 'application/json': { schema: toggleAllBodySchema } } } },
  responses: {
    200: {
      description: 'How many todos changed, and the new counts',
      content: { 'application/json': { schema: bulkResultSchema } },
    },
    ...errorResponses(400, 401, 403),
  },
});

export type ToggleAllTodosResponse = z.infer<typeof bulkResultSchema>;

export function registerToggleAllTodos(app: OpenAPIHono<AppEnv>, deps: TodosDeps): void {
  app.openapi(toggleAllTodosRoute, async (c) => {
    const { completed } = c.req.valid('json');
    const me = requireUser(c);
    const changed = await setAllCompleted(deps.db, { userId: me.userId, completed });
    const body: ToggleAllTodosResponse = { changed, counts: await countTodos(deps.db, me.userId) };
    return c.json(body, 200);
  });
}
