import { and, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../platform/db/database.js';
import { type CursorKeyKind, decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import { startOfToday, startOfTomorrow } from './due-at.js';
import { type TodoRow, todos } from './schema.js';

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

type SortKey = { column: SQL; kind: CursorKeyKind };

/**
 * Every sort is ascending and ends in created_at, id, so a page boundary is
 * exact and todos with equal keys keep TodoMVC's order (oldest first).
 * Missing due dates sort last: they are the least urgent.
 */
const sortKeys: Record<TodoSort, SortKey[]> = {
  created: [{ column: sql`${todos.createdAt}`, kind: 'instant' }],
  due: [
    { column: sql`${todos.dueAt}`, kind: 'nullable-instant' },
    { column: sql`${todos.createdAt}`, kind: 'instant' },
  ],
  priority: [
    { column: sql`${todos.priority}`, kind: 'integer' },
    { column: sql`${todos.dueAt}`, kind: 'nullable-instant' },
    { column: sql`${todos.createdAt}`, kind: 'instant' },
  ],
};

export async function listTodos(db: DatabaseOrTransaction, params: ListTodosParams) {
  const keys = sortKeys[params.sort];
  const kinds = keys.map((key) => key.kind);
  const cursor = params.cursor ? decodeCursor(params.cursor, params.sort, kinds) : undefined;
  const keyText = Object.fromEntries(keys.map((key, i) => [`k${i}`, printKey(key)]));

  const rows = await db
    .select({ ...getTableColumns(todos), ...keyText })
    .from(todos)
    .where(
      and(
        eq(todos.userId, params.userId),
        filterCondition(params.filter, params.timeZone),
        cursor ? afterCursor(keys, cursor.k, cursor.id) : undefined,
      ),
    )
    .orderBy(...keys.map((key) => sql`${key.column} asc nulls last`), sql`${todos.id} asc`)
    .limit(params.limit + 1);

  const page = rows.slice(0, params.limit);
  const last = page.at(-1) as (TodoRow & Record<string, string | null>) | undefined;
  const nextCursor =
    rows.length > params.limit && last
      ? encodeCursor({ s: params.sort, k: keys.map((_, i) => last[`k${i}`] ?? null), id: last.id })
      : null;
  return { items: page as TodoRow[], nextCursor };
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

/** Instants travel as UTC wall time with microseconds: exact, and checkable in the cursor. */
function printKey(key: SortKey): SQL<string | null> {
  return key.kind === 'integer'
    ? sql<string>`${key.column}::text`
    : sql<string | null>`to_char(${key.column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
}

function keyValue(key: SortKey, value: string): SQL {
  return key.kind === 'integer'
    ? sql`cast(${value} as smallint)`
    : sql`(cast(${value} as timestamp) at time zone 'UTC')`;
}

/**
 * Rows strictly after the cursor in (keys…, id) order, ascending with nulls
 * last: a null key is after every value, and equal to another null.
 */
function afterCursor(keys: SortKey[], values: (string | null)[], id: string): SQL {
  const pairs = keys.map((key, i) => ({ key, value: values[i] ?? null }));
  const equal = ({ key, value }: (typeof pairs)[number]) =>
    value === null ? sql`${key.column} is null` : sql`${key.column} = ${keyValue(key, value)}`;
  const beyond = ({ key, value }: (typeof pairs)[number]) => {
    if (value === null) return sql`false`;
    const greater = sql`${key.column} > ${keyValue(key, value)}`;
    return key.kind === 'nullable-instant' ? sql`(${greater} or ${key.column} is null)` : greater;
  };
  const branches = pairs.map((pair, i) => sql.join([...pairs.slice(0, i).map(equal), beyond(pair)], sql` and `));
  branches.push(sql.join([...pairs.map(equal), sql`${todos.id} > ${id}`], sql` and `));
  return sql`(${sql.join(
    branches.map((branch) => sql`(${branch})`),
    sql` or `,
  )})`;
}
