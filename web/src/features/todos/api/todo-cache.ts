import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api/api-error';
import type { Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export type Todo = Schemas['Todo'];
export type TodoList = Todo[];

/**
 * Writes run one after another: each PATCH must carry the version the
 * previous write produced, and an optimistic id must exist on the server
 * before it is changed.
 */
let queue: Promise<unknown> = Promise.resolve();
export function enqueueWrite<T>(write: () => Promise<T>): Promise<T> {
  const run = queue.then(write, write);
  queue = run.catch(() => undefined);
  return run;
}

/** Optimistic todos get a local id; the server's id replaces it once created. */
const serverIds = new Map<string, Promise<string>>();
let optimisticCounter = 0;

export function newOptimisticId(): string {
  optimisticCounter += 1;
  return `optimistic-${optimisticCounter}`;
}

export function rememberServerId(optimisticId: string, serverId: Promise<string>): void {
  serverIds.set(optimisticId, serverId);
}

/** Server id → the optimistic id it replaced: the list keeps its React key, so an item being edited stays mounted. */
const renderKeys = new Map<string, string>();

export function rememberRenderKey(serverId: string, optimisticId: string): void {
  renderKeys.set(serverId, optimisticId);
}

export function renderKeyOf(id: string): string {
  return renderKeys.get(id) ?? id;
}

export async function resolveServerId(id: string): Promise<string> {
  return (await serverIds.get(id)) ?? id;
}

export function readTodos(queryClient: QueryClient): TodoList | undefined {
  return queryClient.getQueryData<TodoList>(queryKeys.todos.list);
}

export function writeTodos(queryClient: QueryClient, update: (todos: TodoList) => TodoList): void {
  queryClient.setQueryData<TodoList>(queryKeys.todos.list, (todos) => (todos ? update(todos) : todos));
}

/** Versions written by this tab, for a delete queued behind an update of the same todo. */
const writtenVersions = new Map<string, number>();

export function noteVersion(id: string, version: number): void {
  writtenVersions.set(id, Math.max(version, writtenVersions.get(id) ?? 0));
}

/** The version last seen for a todo: the If-Match of the next write. */
export function ifMatchFor(queryClient: QueryClient, id: string, serverId: string, seen?: number): string {
  const todo = readTodos(queryClient)?.find((t) => t.id === id || t.id === serverId);
  const version = Math.max(todo?.version ?? seen ?? 0, writtenVersions.get(serverId) ?? 0);
  return version > 0 ? `"${version}"` : '*';
}

export type Snapshot = { previous: TodoList | undefined };

/**
 * Optimistic changes the server has not answered yet. While there are any, a
 * list read from the server would undo them on screen for a moment; it only
 * brings new versions then, and the list is read again once all are answered.
 */
let unconfirmed = 0;
let rereadWhenConfirmed: QueryClient | null = null;

export function hasUnconfirmedChanges(): boolean {
  return unconfirmed > 0;
}

export function rereadAfterConfirmation(queryClient: QueryClient): void {
  rereadWhenConfirmed = queryClient;
}

/** Every optimistic change ends here, answered or failed (the mutations' onSettled). */
export function confirmed(): void {
  unconfirmed = Math.max(0, unconfirmed - 1);
  if (unconfirmed === 0 && rereadWhenConfirmed) {
    const client = rereadWhenConfirmed;
    rereadWhenConfirmed = null;
    void client.invalidateQueries({ queryKey: queryKeys.todos.list });
  }
}

/**
 * Applies an optimistic change at once (synchronously, so a checkbox never
 * flips back for a frame) and returns what to restore if the write fails.
 */
export function changeOptimistically(queryClient: QueryClient, update: (todos: TodoList) => TodoList): Snapshot {
  unconfirmed += 1;
  const previous = readTodos(queryClient);
  writeTodos(queryClient, update);
  // A refetch in flight would overwrite the change with older data. (A cancelled
  // fetch reverts to the latest manual write, so this one is kept.) With nothing
  // loaded yet there is nothing to protect, and cancelling would leave the list pending.
  if (previous) void queryClient.cancelQueries({ queryKey: queryKeys.todos.list });
  return { previous };
}

export type TodoProblem = 'stale' | 'failed' | 'gone';

/** Undo the optimistic change, reload the truth, and say what happened. */
export function rollBack(
  queryClient: QueryClient,
  context: Snapshot | undefined,
  error: unknown,
  report?: (problem: TodoProblem) => void,
): void {
  if (context?.previous) queryClient.setQueryData(queryKeys.todos.list, context.previous);
  void queryClient.invalidateQueries({ queryKey: queryKeys.todos.list });
  if (error instanceof ApiError && error.status === 412) report?.('stale');
  else if (error instanceof ApiError && error.status === 404) report?.('gone');
  else if (!(error instanceof ApiError && error.status === 401)) report?.('failed');
}

/**
 * After a bulk write, the server's list brings the new versions; the cache
 * keeps its own fields, which may already hold later optimistic changes.
 */
export function mergeVersions(cached: TodoList, server: TodoList): TodoList {
  const byId = new Map(server.map((todo) => [todo.id, todo]));
  return cached.map((todo) => {
    const fresh = byId.get(todo.id);
    if (!fresh) return todo;
    return {
      ...todo,
      version: Math.max(todo.version, fresh.version),
      updatedAt: fresh.updatedAt,
      completedAt: fresh.completed === todo.completed ? fresh.completedAt : todo.completedAt,
    };
  });
}
