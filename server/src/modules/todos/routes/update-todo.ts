import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../platform/http/errors.js';
import { etagOf, expectedVersions, ifMatchHeadersSchema, staleVersion } from '../../../platform/http/etag.js';
import { todoIdParamsSchema, todoSchema, updateTodoBodySchema } from '../api-schemas.js';
import type { TodosDeps } from '../deps.js';
import { toDueInput } from '../due-at.js';
import { toTodo } from '../todo-view.js';
import { updateTodo } from '../todo-writes.js';

export const updateTodoRoute = createRoute({
  operationId: 'updateTodo',
  method: 'patch',
  path: '/todos/{id}',
  tags: ['Todos'],
  summary: 'Change some fields of a todo, complete or reopen it (If-Match required)',
  security: [{ bearer: [] }],
  request: {
    params: todoIdParamsSchema,
    headers: ifMatchHeadersSchema,
    body: { required: true, content: { 'application/json': { schema: updateTodoBodySchema } } },
  },
  responses: {
    200: { description: 'The changed todo; its new ETag', content: { 'application/json': { schema: todoSchema } } },
    ...errorResponses(400, 401, 403, 404, 412, 428),
  },
});

export type UpdateTodoResponse = z.infer<typeof todoSchema>;

export function registerUpdateTodo(app: OpenAPIHono<AppEnv>, deps: TodosDeps): void {
  app.openapi(updateTodoRoute, async (c) => {
    const { id } = c.req.valid('param');
    const changes = c.req.valid('json');
    const me = requireUser(c);
    const expected = expectedVersions(c.req.valid('header')['if-match']);
    const outcome = await updateTodo(deps.db, {
      userId: me.userId,
      id,
      timeZone: me.timeZone,
      expected,
      changes: {
        ...changes,
        dueAt: changes.dueAt === undefined || changes.dueAt === null ? changes.dueAt : toDueInput(changes.dueAt),
      },
    });
    if (outcome.kind === 'missing') throw new AppError('NOT_FOUND', 'No such todo');
    if (outcome.kind === 'stale') throw staleVersion(c, outcome.version, 'todo');
    const body: UpdateTodoResponse = toTodo(outcome.value);
    c.header('ETag', etagOf(outcome.value.version));
    return c.json(body, 200);
  });
}
