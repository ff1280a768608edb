import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { errorResponses } from '../../../platform/http/errors.js';
import { listTodosQuerySchema, todoListSchema } from '../api-schemas.js';
import type { TodosDeps } from '../deps.js';
import { countTodos, listTodos } from '../todo-queries.js';
import { toTodo } from '../todo-view.js';

export const listTodosRoute = createRoute({
  operationId: 'listTodos',
  method: 'get',
  path: '/todos',
  tags: ['Todos'],
  summary: 'The signed-in user’s todos: filtered, sorted, a page at a time, with counts',
  security: [{ bearer: [] }],
  request: { query: listTodosQuerySchema },
  responses: {
    200: { description: 'A page of todos', content: { 'application/json': { schema: todoListSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

export type ListTodosResponse = z.infer<typeof todoListSchema>;

export function registerListTodos(app: OpenAPIHono<AppEnv>, deps: TodosDeps): void {
  app.openapi(listTodosRoute, async (c) => {
    const query = c.req.valid('query');
    const me = requireUser(c);
    const [page, counts] = await Promise.all([
      listTodos(deps.db, { ...query, userId: me.userId, timeZone: me.timeZone }),
      countTodos(deps.db, me.userId),
    ]);
    const body: ListTodosResponse = { items: page.items.map(toTodo), nextCursor: page.nextCursor, counts };
    return c.json(body, 200);
  });
}
