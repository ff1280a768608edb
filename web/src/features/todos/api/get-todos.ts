import { queryOptions, useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';
import { hasUnconfirmedChanges, mergeVersions, readTodos, rereadAfterConfirmation, type TodoList } from './todo-cache';

/**
 * Every todo, oldest first (TodoMVC's order): the page filters and counts them
 * itself, so switching All/Active/Completed needs no request.
 */
export async function getTodos(signal?: AbortSignal): Promise<TodoList> {
  const todos: TodoList = [];
  let cursor: string | undefined;
  do {
    const page = unwrap(
      await apiClient.GET('/api/todos', {
        params: { query: { sort: 'created', limit: 100, ...(cursor ? { cursor } : {}) } },
        signal,
      }),
    );
    todos.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return todos;
}

export function todosQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.todos.list,
    queryFn: async ({ signal, client }) => {
      const server = await getTodos(signal);
      const cached = readTodos(client);
      if (cached && hasUnconfirmedChanges()) {
        rereadAfterConfirmation(client);
        return mergeVersions(cached, server);
      }
      return server;
    },
    staleTime: 30_000,
  });
}

export function useTodos() {
  return useQuery(todosQueryOptions());
}
