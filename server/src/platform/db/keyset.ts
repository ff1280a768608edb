import { z } from '@hono/zod-openapi';
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { AppError } from '../http/errors.js';

/**
 * The one keyset-pagination cursor: the sort it belongs to, the last row's
 * sort keys and its id; opaque to clients (base64url JSON). Clients can forge
 * it, so every key is checked against its kind before it reaches SQL: a value
 * PostgreSQL could not cast would otherwise be a 500.
 *
 * - `instant`: UTC wall time with microseconds, `YYYY-MM-DDTHH:MM:SS.ffffff`;
 * - `nullable-instant`: the same, or null (null rows sort last, whatever the direction);
 * - `integer`, `smallint`, `decimal`: numbers as PostgreSQL prints them
 *   (`smallint` is compared as one, so the column's index still serves);
 * - `text`: any string up to 500 characters.
 *
 * The tie-breaking `id` is a uuid unless the caller says its rows are keyed by
 * text (a SKU, a slug).
 */
type CursorKeyKind = 'instant' | 'nullable-instant' | 'integer' | 'smallint' | 'decimal' | 'text';

const cursorSchema = z.object({
  s: z.string().max(50),
  k: z.array(z.string().max(500).nullable()).max(4),
  id: z.string().min(1).max(500),
});
type Cursor = z.infer<typeof cursorSchema>;

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;
const instantKeyFormat = 'YYYY-MM-DD"T"HH24:MI:SS.US';

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(raw: string, sort: string, kinds: readonly CursorKeyKind[], idKind: 'uuid' | 'text'): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor('not a cursor from this API');
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success) throw invalidCursor('not a cursor from this API');
  if (idKind === 'uuid' && !z.uuid().safeParse(result.data.id).success)
    throw invalidCursor('not a cursor from this API');
  if (result.data.s !== sort) throw invalidCursor('the sort changed; start again without a cursor');
  const { k } = result.data;
  if (k.length !== kinds.length || !kinds.every((kind, i) => isValidKey(kind, k[i] ?? null))) {
    throw invalidCursor('not a cursor from this API');
  }
  return result.data;
}

/** PostgreSQL's int4 and int2 ranges. */
const integerRanges = { integer: [-(2 ** 31), 2 ** 31 - 1], smallint: [-(2 ** 15), 2 ** 15 - 1] } as const;

function isValidKey(kind: CursorKeyKind, value: string | null): boolean {
  if (value === null) return kind === 'nullable-instant';
  switch (kind) {
    case 'integer':
    case 'smallint':
      // Within the column type's range too: PostgreSQL's cast of a larger number fails the query.
      return (
        /^-?\d{1,15}$/.test(value) && Number(value) >= integerRanges[kind][0] && Number(value) <= integerRanges[kind][1]
      );
    case 'decimal':
      return /^-?\d{1,15}(\.\d{1,12})?$/.test(value);
    case 'text':
      return true;
    case 'instant':
    case 'nullable-instant': {
      if (!instantPattern.test(value)) return false;
      // A real calendar instant: Date normalises February 30th, so the round trip would differ.
      const millis = `${value.slice(0, 23)}Z`;
      const date = new Date(millis);
      return !Number.isNaN(date.getTime()) && date.toISOString() === millis && date.getUTCFullYear() >= 1;
    }
  }
}

function invalidCursor(reason: string) {
  return new AppError('INVALID_CURSOR', `The cursor is not valid: ${reason}; start again without it`, [
    { path: 'cursor', message: reason },
  ]);
}

export type KeysetKey = { column: SQLWrapper; kind: CursorKeyKind; direction: 'asc' | 'desc' };

export type KeysetSpec = {
  /** The sort's name, carried in the cursor: a cursor from another sort is refused. */
  sort: string;
  /** Sort keys, most significant first; none when the id alone orders the rows. */
  keys: readonly KeysetKey[];
  /** The unique tie-breaker. */
  id: { column: SQLWrapper; kind: 'uuid' | 'text'; direction: 'asc' | 'desc' };
};

/**
 * Keyset paging for one list query: `select` (spread it into the select; it
 * carries the keys as the cursor will), the `after` predicate for the cursor
 * (undefined without one), `orderBy`, and `page` to cut the `limit + 1` rows
 * fetched into the page and its next cursor. A forged or stale cursor is an
 * INVALID_CURSOR before any SQL runs.
 */
export function keyset(spec: KeysetSpec, rawCursor: string | undefined) {
  const cursor = rawCursor
    ? decodeCursor(
        rawCursor,
        spec.sort,
        spec.keys.map((key) => key.kind),
        spec.id.kind,
      )
    : undefined;
  const printed = [...spec.keys.map(printKey), sql`(${spec.id.column})::text`];
  return {
    /** The keys and id as text, exact to the microsecond, so no two rows blur. */
    select: { keyset: sql<(string | null)[]>`array[${sql.join(printed, sql`, `)}]` },
    after: cursor ? afterCursor(spec, cursor) : undefined,
    orderBy: [
      ...spec.keys.map((key) =>
        key.kind === 'nullable-instant'
          ? sql`${key.column} ${direction(key.direction)} nulls last`
          : sql`${key.column} ${direction(key.direction)}`,
      ),
      sql`${spec.id.column} ${direction(spec.id.direction)}`,
    ],
    page<T extends { keyset: (string | null)[] }>(rows: T[], limit: number) {
      const items = rows.slice(0, limit);
      const last = items.at(-1)?.keyset;
      const nextCursor =
        rows.length > limit && last
          ? encodeCursor({ s: spec.sort, k: last.slice(0, -1), id: last.at(-1) ?? '' })
          : null;
      return { items: items.map(({ keyset: _, ...rest }) => rest), nextCursor };
    },
  };
}

const direction = (dir: 'asc' | 'desc') => (dir === 'asc' ? sql`asc` : sql`desc`);

function printKey(key: KeysetKey): SQL {
  return key.kind === 'instant' || key.kind === 'nullable-instant'
    ? sql`to_char(${key.column} at time zone 'UTC', ${instantKeyFormat})`
    : sql`(${key.column})::text`;
}

function keyValue(kind: CursorKeyKind, value: string): SQL {
  switch (kind) {
    case 'instant':
    case 'nullable-instant':
      return sql`(cast(${value} as timestamp) at time zone 'UTC')`;
    case 'integer':
      return sql`cast(${value} as integer)`;
    case 'smallint':
      return sql`cast(${value} as smallint)`;
    case 'decimal':
      return sql`cast(${value} as numeric)`;
    case 'text':
      return sql`${value}`;
  }
}

/**
 * Rows strictly after the cursor in (keys…, id) order: after on the first key
 * that differs, or equal on every key and after on the id. A null key sorts
 * after every value and equals another null.
 */
function afterCursor(spec: KeysetSpec, cursor: Cursor): SQL {
  const pairs = spec.keys.map((key, i) => ({ key, value: cursor.k[i] ?? null }));
  const equal = ({ key, value }: (typeof pairs)[number]) =>
    value === null ? sql`${key.column} is null` : sql`${key.column} = ${keyValue(key.kind, value)}`;
  const beyond = ({ key, value }: (typeof pairs)[number]) => {
    if (value === null) return sql`false`;
    const operand = keyValue(key.kind, value);
    const further = key.direction === 'asc' ? sql`${key.column} > ${operand}` : sql`${key.column} < ${operand}`;
    return key.kind === 'nullable-instant' ? sql`(${further} or ${key.column} is null)` : further;
  };
  const idBeyond =
    spec.id.direction === 'asc' ? sql`${spec.id.column} > ${cursor.id}` : sql`${spec.id.column} < ${cursor.id}`;
  const branches = pairs.map((pair, i) => sql.join([...pairs.slice(0, i).map(equal), beyond(pair)], sql` and `));
  branches.push(sql.join([...pairs.map(equal), idBeyond], sql` and `));
  return sql`(${sql.join(
    branches.map((branch) => sql`(${branch})`),
    sql` or `,
  )})`;
}

/** The spec of a list newest first: by a timestamp, the uuid id breaking ties. */
export function newestFirst(at: SQLWrapper, id: SQLWrapper): KeysetSpec {
  return {
    sort: 'newest',
    keys: [{ column: at, kind: 'instant', direction: 'desc' }],
    id: { column: id, kind: 'uuid', direction: 'desc' },
  };
}
