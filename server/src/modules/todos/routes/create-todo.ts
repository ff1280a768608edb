import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { errorResponses } from '../../../platform/http/errors.js';
import { etagOf } from '../../../platform/http/etag.js';
import { createTodoBodySchema, todoSchema } from '../api-schemas.js';
import type { TodosDeps } from '../deps.js';
import { toDueInput } from '../due-at.js';
import { toTodo } from '../todo-view.js';
import { createTodo } from '../todo-writes.js';

export const createTodoRoute = createRoute({
  operationId: 'createTodo',
  method: 'post',
  path: '/todos',
  tags: ['Todos'],
  summary: 'Add a todo',
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { 'application/json': { schema: createTodoBodySchema } } } },
  responses: {
    201: {
      description: 'The new todo; ETag and Location headers',
      content: { 'application/json': { schema: todoSchema } },
    },
    ...errorResponses(400, 401, 403),
  },
});

export type CreateTodoResponse = z.infer<typeof todoSchema>;

export function registerCreateTodo(app: OpenAPIHono<AppEnv>, deps: TodosDeps): void {
  app.openapi(createTodoRoute, async (c) => {
    const input = c.req.valid('json');
    const me = requireUser(c);
    const row = await createTodo(deps.db, {
      userId: me.userId,
      timeZone: me.timeZone,
      title: input.title,
      notes: input.notes,
      dueAt: input.dueAt ? toDueInput(input.dueAt) : undefined,
      priority: input.priority,
    });
    const body: CreateTodoResponse = toTodo(row);
    c.header('ETag', etagOf(row.version));
    c.header('Location', `/api/todos/${row.id}`);
    return c.json(body, 201);
  });
}
