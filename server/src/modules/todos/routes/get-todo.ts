import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../platform/http/errors.js';
import { etagOf } from '../../../platform/http/etag.js';
import { todoIdParamsSchema, todoSchema } from '../api-schemas.js';
import type { TodosDeps } from '../deps.js';
import { getTodo } from '../todo-queries.js';
import { toTodo } from '../todo-view.js';

export const getTodoRoute = createRoute({
  operationId: 'getTodo',
  method: 'get',
  path: '/todos/{id}',
  tags: ['Todos'],
  summary: 'One todo, with its ETag',
  security: [{ bearer: [] }],
  request: { params: todoIdParamsSchema },
  responses: {
    200: { description: 'The todo; ETag header', content: { 'application/json': { schema: todoSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export type GetTodoResponse = z.infer<typeof todoSchema>;

export function registerGetTodo(app: OpenAPIHono<AppEnv>, deps: TodosDeps): void {
  app.openapi(getTodoRoute, async (c) => {
    const { id } = c.req.valid('param');
    const me = requireUser(c);
    // Another user's todo is "not found" too, so ids do not leak.
    const row = await getTodo(deps.db, { userId: me.userId, id });
    if (!row) throw new AppError('NOT_FOUND', 'No such todo');
    const body: GetTodoResponse = toTodo(row);
    c.header('ETag', etagOf(row.version));
    return c.json(body, 200);
  });
}
