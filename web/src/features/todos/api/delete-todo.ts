import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient } from '@/lib/api/client';
import {
  changeOptimistically,
  confirmed,
  enqueueWrite,
  ifMatchFor,
  readTodos,
  resolveServerId,
  rollBack,
  type Snapshot,
  type TodoProblem,
} from './todo-cache';

export async function deleteTodo(id: string, ifMatch: string): Promise<void> {
  unwrap(await apiClient.DELETE('/api/todos/{id}', { params: { path: { id }, header: { 'if-match': ifMatch } } }));
}

type Variables = { id: string; seenVersion: number | undefined; snapshot: Snapshot };

export function useDeleteTodo(options: { onProblem?: (problem: TodoProblem) => void }) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: ({ id, seenVersion }: Variables) =>
      enqueueWrite(async () => {
        const serverId = await resolveServerId(id);
        // an update queued before this delete may have moved the version on
        await deleteTodo(serverId, ifMatchFor(queryClient, id, serverId, seenVersion));
      }),
    onSettled: confirmed,
    onError: (error, { snapshot }) => rollBack(queryClient, snapshot, error, options.onProblem),
  });
  return function remove(id: string): void {
    const seenVersion = readTodos(queryClient)?.find((todo) => todo.id === id)?.version;
    const snapshot = changeOptimistically(queryClient, (todos) => todos.filter((todo) => todo.id !== id));
    mutation.mutate({ id, seenVersion, snapshot });
  };
}
