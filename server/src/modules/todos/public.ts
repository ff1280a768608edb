/**
 * The todos module's public surface: all that flows, the composition root and
 * entry points may use of it (a dependency-cruiser rule refuses any other
 * import from outside the module). Each user's own todos, and the ones a flow
 * keeps for staff (pack tasks). It publishes no events and needs no ports.
 */

export type { TodosDeps } from './deps.js';
/** Todos a flow owns by a source key (pack tasks). */
export { addSourcedTodos, completeSourcedTodos, removeSourcedTodos } from './system-todos.js';
/** What deleting a user removes of theirs (wired as identity's `RemoveOwnedData`). */
export { deleteAllTodosOf } from './todo-writes.js';
/** Each signed-in user's own todos. */
export { createTodosRouter } from './todos-router.js';
