import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient } from '@/lib/api/client';
import { changeOptimistically, confirmed, enqueueWrite, rollBack, type Snapshot, type TodoProblem } from './todo-cache';

export async function clearCompletedTodos() {
  return unwrap(await apiClient.POST('/api/todos/clear-completed'));
}

export function useClearCompletedTodos(options: { onProblem?: (problem: TodoProblem) => void }) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (_snapshot: Snapshot) => enqueueWrite(() => clearCompletedTodos()),
    onSettled: confirmed,
    onError: (error, snapshot) => rollBack(queryClient, snapshot, error, options.onProblem),
  });
  return function clearCompleted(): void {
    mutation.mutate(changeOptimistically(queryClient, (todos) => todos.filter((todo) => !todo.completed)));
  };
}
