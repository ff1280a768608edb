/** TodoMVC's three views, in the path: /todos, /todos/active, /todos/completed. */
export const todoFilters = ['all', 'active', 'completed'] as const;
export type TodoFilter = (typeof todoFilters)[number];

export function parseTodoFilter(segment: string | undefined): TodoFilter | null {
  if (segment === undefined || segment === '') return 'all';
  return segment === 'active' || segment === 'completed' ? segment : null;
}

export function todoFilterPath(filter: TodoFilter): string {
  return filter === 'all' ? '/todos' : `/todos/${filter}`;
}

export function applyTodoFilter<T extends { completed: boolean }>(todos: readonly T[], filter: TodoFilter): T[] {
  if (filter === 'all') return [...todos];
  return todos.filter((todo) => todo.completed === (filter === 'completed'));
}

export function countTodos(todos: readonly { completed: boolean }[]): { active: number; completed: number } {
  const completed = todos.filter((todo) => todo.completed).length;
  return { active: todos.length - completed, completed };
}
