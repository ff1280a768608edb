import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { localInputToInstant } from '../due-date';
import {
  changeOptimistically,
  confirmed,
  enqueueWrite,
  ifMatchFor,
  mergeVersions,
  noteVersion,
  resolveServerId,
  rollBack,
  type Snapshot,
  type Todo,
  type TodoProblem,
  writeTodos,
} from './todo-cache';

export type TodoChanges = Schemas['UpdateTodo'];

/** A partial update guarded by If-Match: a stale version answers 412. */
export async function updateTodo(id: string, changes: TodoChanges, ifMatch: string) {
  return unwrap(
    await apiClient.PATCH('/api/todos/{id}', {
      params: { path: { id }, header: { 'if-match': ifMatch } },
      body: changes,
    }),
  );
}

type Variables = { id: string; changes: TodoChanges; snapshot: Snapshot };

function withChanges(todo: Todo, changes: TodoChanges, timeZone: string): Todo {
  const { dueAt, completed, ...rest } = changes;
  const next: Todo = { ...todo, ...rest };
  if (dueAt !== undefined) next.dueAt = dueAt ? localInputToInstant(dueAt, timeZone) : null;
  if (completed !== undefined) {
    next.completed = completed;
    next.completedAt = completed ? (todo.completedAt ?? new Date().toISOString()) : null;
  }
  return next;
}

export function useUpdateTodo(options: { timeZone: string; onProblem?: (problem: TodoProblem) => void }) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: ({ id, changes }: Variables) =>
      enqueueWrite(async () => {
        const serverId = await resolveServerId(id);
        // read at run time: the write before this one may have moved the version on
        return updateTodo(serverId, changes, ifMatchFor(queryClient, id, serverId));
      }),
    onSuccess: (saved, { id }) => {
      noteVersion(saved.id, saved.version);
      // only the new version: the fields already show this change, and maybe a later one
      // to the same todo that is still queued (the server's copy would undo it for a moment)
      writeTodos(queryClient, (todos) =>
        mergeVersions(todos, [{ ...saved, id: todos.some((t) => t.id === id) ? id : saved.id }]),
      );
    },
    onSettled: confirmed,
    onError: (error, { snapshot }) => rollBack(queryClient, snapshot, error, options.onProblem),
  });

  return function update(id: string, changes: TodoChanges): void {
    const snapshot = changeOptimistically(queryClient, (todos) =>
      todos.map((todo) => (todo.id === id ? withChanges(todo, changes, options.timeZone) : todo)),
    );
    mutation.mutate({ id, changes, snapshot });
  };
}
