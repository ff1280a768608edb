import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';
import { localInputToInstant } from '../due-date';
import {
  changeOptimistically,
  confirmed,
  enqueueWrite,
  newOptimisticId,
  rememberRenderKey,
  rememberServerId,
  rollBack,
  type Snapshot,
  type Todo,
  type TodoProblem,
  writeTodos,
} from './todo-cache';

export type NewTodo = Schemas['CreateTodo'];

export async function createTodo(body: NewTodo) {
  return unwrap(await apiClient.POST('/api/todos', { body }));
}

type Variables = { todo: NewTodo; optimisticId: string; snapshot: Snapshot };

/** Adds the todo at once at the end of the list; it gets its server id when the POST answers. */
export function useCreateTodo(options: { timeZone: string; onProblem?: (problem: TodoProblem) => void }) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: ({ todo }: Variables) => enqueueWrite(() => createTodo(todo)),
    onSuccess: (created, { optimisticId, snapshot }) => {
      rememberRenderKey(created.id, optimisticId);
      if (!snapshot.previous) void queryClient.invalidateQueries({ queryKey: queryKeys.todos.list });
      // keep what the user did to it meanwhile (those writes are queued behind this one)
      writeTodos(queryClient, (todos) =>
        todos.map((todo) =>
          todo.id === optimisticId
            ? { ...created, completed: todo.completed, title: todo.title, priority: todo.priority, dueAt: todo.dueAt }
            : todo,
        ),
      );
    },
    onSettled: confirmed,
    onError: (error, { snapshot }) => rollBack(queryClient, snapshot, error, options.onProblem),
  });

  /** Starts the create and returns the optimistic id at once. */
  function add(todo: NewTodo): string {
    const optimisticId = newOptimisticId();
    const now = new Date().toISOString();
    const optimistic: Todo = {
      id: optimisticId,
      title: todo.title,
      notes: todo.notes ?? '',
      dueAt: todo.dueAt ? localInputToInstant(todo.dueAt, options.timeZone) : null,
      priority: todo.priority ?? 4,
      completed: false,
      completedAt: null,
      link: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const snapshot = changeOptimistically(queryClient, (todos) => [...todos, optimistic]);
    const created = mutation.mutateAsync({ todo, optimisticId, snapshot }).then((t) => t.id);
    created.catch(() => undefined);
    rememberServerId(optimisticId, created);
    return optimisticId;
  }
  return { add };
}
