import type { OpenAPIHono } from '@hono/zod-openapi';
import { type AppEnv, createRouter } from '../../platform/http/app-env.js';
import type { TodosDeps } from './deps.js';
import { registerClearCompletedTodos } from './routes/clear-completed-todos.js';
import { registerCreateTodo } from './routes/create-todo.js';
import { registerDeleteTodo } from './routes/delete-todo.js';
import { registerGetTodo } from './routes/get-todo.js';
import { registerListTodos } from './routes/list-todos.js';
import { registerToggleAllTodos } from './routes/toggle-all-todos.js';
import { registerUpdateTodo } from './routes/update-todo.js';

/** Each signed-in user's own todos (mounted after `authenticate`). */
export function createTodosRouter(deps: TodosDeps): OpenAPIHono<AppEnv> {
  const router = createRouter();
  registerListTodos(router, deps);
  registerCreateTodo(router, deps);
  registerToggleAllTodos(router, deps);
  registerClearCompletedTodos(router, deps);
  registerGetTodo(router, deps);
  registerUpdateTodo(router, deps);
  registerDeleteTodo(router, deps);
  return router;
}
