import { and, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../platform/db/database.js';
import { type KeysetKey, keyset } from '../../platform/db/keyset.js';
import { startOfToday, startOfTomorrow } from './due-at.js';
import { todos } from './schema.js';

export const todoFilters = ['all', 'active', 'completed', 'overdue', 'today'] as const;
export type TodoFilter = (typeof todoFilters)[number];

export const todoSorts = ['created', 'due', 'priority'] as const;
export type TodoSort = (typeof todoSorts)[number];

export type ListTodosParams = {
  userId: string;
  /** The IANA zone "today" is computed in. */
  timeZone: string;
  filter: TodoFilter;
  sort: TodoSort;
  cursor?: string | undefined;
  limit: number;
};

/**
 * Every sort is ascending and ends in created_at, id, so a page boundary is
 * exact and todos with equal keys keep TodoMVC's order (oldest first).
 * Missing due dates sort last: they are the least urgent.
 */
const sortKeys: Record<TodoSort, KeysetKey[]> = {
  created: [{ column: todos.createdAt, kind: 'instant', direction: 'asc' }],
  due: [
    { column: todos.dueAt, kind: 'nullable-instant', direction: 'asc' },
    { column: todos.createdAt, kind: 'instant', direction: 'asc' },
  ],
  priority: [
    { column: todos.priority, kind: 'smallint', direction: 'asc' },
    { column: todos.dueAt, kind: 'nullable-instant', direction: 'asc' },
    { column: todos.createdAt, kind: 'instant', direction: 'asc' },
  ],
};

export async function listTodos(db: DatabaseOrTransaction, params: ListTodosParams) {
  const paging = keyset(
    { sort: params.sort, keys: sortKeys[params.sort], id: { column: todos.id, kind: 'uuid', direction: 'asc' } },
    params.cursor,
  );
  const rows = await db
    .select({ ...getTableColumns(todos), ...paging.select })
    .from(todos)
    .where(and(eq(todos.userId, params.userId), filterCondition(params.filter, params.timeZone), paging.after))
    .orderBy(...paging.orderBy)
    .limit(params.limit + 1);
  return paging.page(rows, params.limit);
}

/** What TodoMVC's footer shows, whatever the filter. */
export async function countTodos(db: DatabaseOrTransaction, userId: string) {
  const [row] = await db
    .select({
      active: sql<number>`count(*) filter (where not ${todos.completed})`.mapWith(Number),
      completed: sql<number>`count(*) filter (where ${todos.completed})`.mapWith(Number),
    })
    .from(todos)
    .where(eq(todos.userId, userId));
  return { active: row?.active ?? 0, completed: row?.completed ?? 0 };
}

export async function getTodo(db: DatabaseOrTransaction, params: { userId: string; id: string }) {
  const [row] = await db
    .select()
    .from(todos)
    .where(and(eq(todos.id, params.id), eq(todos.userId, params.userId)));
  return row;
}

/**
 * "Overdue" is an unfinished todo whose due instant has passed; "today" is a
 * todo (done or not) due between the user's local midnights, so DST days
 * have their real 23 or 25 hours.
 */
function filterCondition(filter: TodoFilter, timeZone: string): SQL | undefined {
  switch (filter) {
    case 'all':
      return undefined;
    case 'active':
      return eq(todos.completed, false);
    case 'completed':
      return eq(todos.completed, true);
    case 'overdue':
      return sql`not ${todos.completed} and ${todos.dueAt} < now()`;
    case 'today':
      return sql`${todos.dueAt} >= ${startOfToday(timeZone)} and ${todos.dueAt} < ${startOfTomorrow(timeZone)}`;
  }
}
