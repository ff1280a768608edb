import { and, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../platform/db/database.js';
import type { ExpectedVersions } from '../../platform/http/etag.js';
import { type DueInput, dueAtSql } from './due-at.js';
import { todos } from './schema.js';

export type CreateTodoParams = {
  userId: string;
  timeZone: string;
  title: string;
  notes?: string | undefined;
  dueAt?: DueInput | null | undefined;
  priority?: number | undefined;
};

export async function createTodo(db: DatabaseOrTransaction, params: CreateTodoParams) {
  const [row] = await db
    .insert(todos)
    .values({
      userId: params.userId,
      title: params.title,
      ...(params.notes !== undefined ? { notes: params.notes } : {}),
      ...(params.dueAt ? { dueAt: dueAtSql(params.dueAt, params.timeZone) } : {}),
      ...(params.priority !== undefined ? { priority: params.priority } : {}),
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export type TodoChanges = {
  title?: string | undefined;
  notes?: string | undefined;
  /** null clears the due date; undefined leaves it. */
  dueAt?: DueInput | null | undefined;
  priority?: number | undefined;
  completed?: boolean | undefined;
};

export type WriteOutcome<T> = { kind: 'done'; value: T } | { kind: 'stale'; version: number } | { kind: 'missing' };

/**
 * One conditional UPDATE: the database, not a read before the write, decides
 * whether the client's version is still current, so of two concurrent writes
 * with the same If-Match exactly one wins.
 */
export async function updateTodo(
  db: DatabaseOrTransaction,
  params: { userId: string; id: string; timeZone: string; expected: ExpectedVersions; changes: TodoChanges },
) {
  const { changes } = params;
  const [row] = await db
    .update(todos)
    .set({
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.notes !== undefined ? { notes: changes.notes } : {}),
      ...(changes.dueAt !== undefined
        ? { dueAt: changes.dueAt === null ? null : dueAtSql(changes.dueAt, params.timeZone) }
        : {}),
      ...(changes.priority !== undefined ? { priority: changes.priority } : {}),
      ...(changes.completed !== undefined ? completionChange(changes.completed) : {}),
      version: sql`${todos.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(ownedAt(params))
    .returning();
  if (row) return { kind: 'done', value: row } as const;
  return explainMiss(db, params);
}

export async function deleteTodo(
  db: DatabaseOrTransaction,
  params: { userId: string; id: string; expected: ExpectedVersions },
): Promise<WriteOutcome<string>> {
  const [row] = await db.delete(todos).where(ownedAt(params)).returning({ id: todos.id });
  if (row) return { kind: 'done', value: row.id };
  return explainMiss(db, params);
}

/** TodoMVC's toggle-all: every todo of the user to one state; untouched ones keep their version. */
export async function setAllCompleted(db: DatabaseOrTransaction, params: { userId: string; completed: boolean }) {
  const rows = await db
    .update(todos)
    .set({ ...completionChange(params.completed), version: sql`${todos.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(todos.userId, params.userId), ne(todos.completed, params.completed)))
    .returning({ id: todos.id });
  return rows.length;
}

export async function deleteCompletedTodos(db: DatabaseOrTransaction, params: { userId: string }) {
  const rows = await db
    .delete(todos)
    .where(and(eq(todos.userId, params.userId), eq(todos.completed, true)))
    .returning({ id: todos.id });
  return rows.length;
}

/** Completing an already completed todo keeps the time it was first completed. */
function completionChange(completed: boolean) {
  return {
    completed,
    completedAt: completed ? sql`coalesce(${todos.completedAt}, now())` : null,
  };
}

function ownedAt(params: { userId: string; id: string; expected: ExpectedVersions }): SQL | undefined {
  return and(
    eq(todos.id, params.id),
    eq(todos.userId, params.userId),
    params.expected === 'any' ? undefined : inArray(todos.version, [...params.expected]),
  );
}

/** After a conditional write matched nothing: was the version stale, or is there no such todo (for this user)? */
async function explainMiss(
  db: DatabaseOrTransaction,
  params: { userId: string; id: string },
): Promise<{ kind: 'stale'; version: number } | { kind: 'missing' }> {
  const [current] = await db
    .select({ version: todos.version })
    .from(todos)
    .where(and(eq(todos.id, params.id), eq(todos.userId, params.userId)));
  return current ? { kind: 'stale', version: current.version } : { kind: 'missing' };
}

/** Everything a user owns here, for when their account is deleted; returns how many todos went. */
export async function deleteAllTodosOf(db: DatabaseOrTransaction, params: { userId: string }): Promise<number> {
  const removed = await db.delete(todos).where(eq(todos.userId, params.userId)).returning({ id: todos.id });
  return removed.length;
}
