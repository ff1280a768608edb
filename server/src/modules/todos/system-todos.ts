import { eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../platform/db/database.js';
import { todos } from './schema.js';

/**
 * Todos the system puts on people's lists (a pack task for an order), keyed
 * by a source the caller names: each user gets at most one per source, so
 * running the same step twice adds nothing.
 */

export type SourcedTodo = { userId: string; title: string };

/** Adds one todo per user for the source; users who already have it keep theirs. Returns how many were added. */
export async function addSourcedTodos(
  db: DatabaseOrTransaction,
  params: { sourceKey: string; link?: string | undefined; notes?: string | undefined; todos: readonly SourcedTodo[] },
): Promise<number> {
  if (params.todos.length === 0) return 0;
  const rows = await db
    .insert(todos)
    .values(
      params.todos.map((todo) => ({
        userId: todo.userId,
        title: todo.title,
        notes: params.notes ?? '',
        sourceKey: params.sourceKey,
        link: params.link ?? null,
        // A task for the shop comes before the user's own, unprioritised todos.
        priority: 2,
      })),
    )
    .onConflictDoNothing({ target: [todos.userId, todos.sourceKey] })
    .returning({ id: todos.id });
  return rows.length;
}

/** The work is done: every open todo of the source is completed. Returns how many changed. */
export async function completeSourcedTodos(db: DatabaseOrTransaction, params: { sourceKey: string }): Promise<number> {
  const rows = await db
    .update(todos)
    .set({ completed: true, completedAt: sql`now()`, version: sql`${todos.version} + 1`, updatedAt: sql`now()` })
    .where(sql`${todos.sourceKey} = ${params.sourceKey} and not ${todos.completed}`)
    .returning({ id: todos.id });
  return rows.length;
}

/** The work is gone (the order was cancelled): the source's todos are removed. Returns how many. */
export async function removeSourcedTodos(db: DatabaseOrTransaction, params: { sourceKey: string }): Promise<number> {
  const rows = await db.delete(todos).where(eq(todos.sourceKey, params.sourceKey)).returning({ id: todos.id });
  return rows.length;
}
