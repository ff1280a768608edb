import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient } from '@/lib/api/client';
import { getTodos } from './get-todos';
import {
  changeOptimistically,
  confirmed,
  enqueueWrite,
  mergeVersions,
  rollBack,
  type Snapshot,
  type TodoProblem,
  writeTodos,
} from './todo-cache';

export async function toggleAllTodos(completed: boolean) {
  return unwrap(await apiClient.POST('/api/todos/toggle-all', { body: { completed } }));
}

type Variables = { completed: boolean; snapshot: Snapshot };

/** Completes (or reopens) every todo; the list is then read again for the new versions. */
export function useToggleAllTodos(options: { onProblem?: (problem: TodoProblem) => void }) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: ({ completed }: Variables) =>
      enqueueWrite(async () => {
        await toggleAllTodos(completed);
        const server = await getTodos();
        writeTodos(queryClient, (cached) => mergeVersions(cached, server));
      }),
    onSettled: confirmed,
    onError: (error, { snapshot }) => rollBack(queryClient, snapshot, error, options.onProblem),
  });
  return function toggleAll(completed: boolean): void {
    const now = new Date().toISOString();
    const snapshot = changeOptimistically(queryClient, (todos) =>
      todos.map((todo) =>
        todo.completed === completed
          ? todo
          : { ...todo, completed, completedAt: completed ? now : null, updatedAt: now },
      ),
    );
    mutation.mutate({ completed, snapshot });
  };
}
