import { randomUUID } from 'node:crypto';
import { and, sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-app.js';
import type { DatabaseHandle } from './database.js';
import { type KeysetSpec, keyset } from './keyset.js';

const rowsTable = pgTable('keyset_test_rows', {
  id: uuid('id').primaryKey(),
  rank: integer('rank').notNull(),
  due: timestamp('due', { withTimezone: true }),
  created: timestamp('created', { withTimezone: true }).notNull(),
  tag: text('tag').notNull(),
});

type Row = { id: string; rank: number; due: string | null; created: string; tag: string };

// Few distinct values, so most rows tie on some keys; microseconds apart, so the cursor must keep them.
const dues = [null, '2026-03-01 00:00:00.000001', '2026-03-01 00:00:00.000002'];
const createds = ['2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000001', '2026-01-01 00:00:00.000002'];
const rows: Row[] = Array.from({ length: 60 }, (_, i) => ({
  id: randomUUID(),
  rank: i % 3,
  due: dues[Math.floor(i / 3) % 3] ?? null,
  created: createds[Math.floor(i / 9) % 3] ?? '',
  tag: i % 2 === 0 ? 'even' : 'odd',
}));

/** The order the spec promises: rank high first, due soonest first with none last, created newest first, id ascending. */
function expectedOrder(spec: 'due-asc' | 'due-desc', subset: Row[]) {
  const dueSign = spec === 'due-asc' ? 1 : -1;
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...subset]
    .sort(
      (a, b) =>
        b.rank - a.rank ||
        (a.due === b.due ? 0 : a.due === null ? 1 : b.due === null ? -1 : dueSign * cmp(a.due, b.due)) ||
        cmp(b.created, a.created) ||
        cmp(a.id, b.id),
    )
    .map((row) => row.id);
}

function spec(dueDirection: 'asc' | 'desc'): KeysetSpec {
  return {
    sort: `test-${dueDirection}`,
    keys: [
      { column: rowsTable.rank, kind: 'integer', direction: 'desc' },
      { column: rowsTable.due, kind: 'nullable-instant', direction: dueDirection },
      { column: rowsTable.created, kind: 'instant', direction: 'desc' },
    ],
    id: { column: rowsTable.id, kind: 'uuid', direction: 'asc' },
  };
}

describe('keyset paging over several keys (mixed directions, a nullable key, many ties)', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.execute(
      sql`create table keyset_test_rows (id uuid primary key, rank integer not null, due timestamptz, created timestamptz not null, tag text not null)`,
    );
    await database.db.insert(rowsTable).values(
      rows.map((row) => ({
        ...row,
        due: row.due === null ? null : new Date(`${row.due.slice(0, 23)}Z`),
        created: new Date(`${row.created.slice(0, 23)}Z`),
      })),
    );
    // Date has milliseconds only: set the microseconds the tie-breaking depends on.
    for (const row of rows) {
      await database.db.execute(
        sql`update keyset_test_rows set due = ${row.due}::timestamp at time zone 'UTC', created = ${row.created}::timestamp at time zone 'UTC' where id = ${row.id}`,
      );
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  async function walk(dueDirection: 'asc' | 'desc', limit: number, tag?: string) {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const paging = keyset(spec(dueDirection), cursor);
      const fetched = await database.db
        .select({ id: rowsTable.id, ...paging.select })
        .from(rowsTable)
        .where(and(tag ? sql`${rowsTable.tag} = ${tag}` : undefined, paging.after))
        .orderBy(...paging.orderBy)
        .limit(limit + 1);
      const page = paging.page(fetched, limit);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items.map((item) => item.id));
      if (!page.nextCursor) return seen;
      cursor = page.nextCursor;
    }
    throw new Error('more than 100 pages');
  }

  it.each([
    ['asc', 1],
    ['asc', 4],
    ['desc', 7],
    ['desc', 100],
  ] as const)('walks every row exactly once, in order (due %s, %i a page)', async (dueDirection, limit) => {
    const seen = await walk(dueDirection, limit);
    expect(new Set(seen).size).toBe(rows.length);
    expect(seen).toEqual(expectedOrder(dueDirection === 'asc' ? 'due-asc' : 'due-desc', rows));
  });

  it('pages a filtered subset the same way', async () => {
    const seen = await walk('asc', 3, 'odd');
    expect(seen).toEqual(
      expectedOrder(
        'due-asc',
        rows.filter((row) => row.tag === 'odd'),
      ),
    );
  });

  it('refuses a cursor of another sort, or a forged one, as INVALID_CURSOR', () => {
    const other = Buffer.from(
      JSON.stringify({ s: 'test-desc', k: ['1', null, '2026-01-01T00:00:00.000000'], id: randomUUID() }),
    ).toString('base64url');
    expect(() => keyset(spec('asc'), other)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
    const forged = Buffer.from(
      JSON.stringify({ s: 'test-asc', k: ['x', null, '2026-01-01T00:00:00.000000'], id: randomUUID() }),
    ).toString('base64url');
    expect(() => keyset(spec('asc'), forged)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
    expect(() => keyset(spec('asc'), 'not-a-cursor')).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
    // A number the column's type cannot hold would fail PostgreSQL's cast (a 500), so it is refused here.
    for (const rank of ['2147483648', '-2147483649', '999999999999999']) {
      const outOfRange = Buffer.from(
        JSON.stringify({ s: 'test-asc', k: [rank, null, '2026-01-01T00:00:00.000000'], id: randomUUID() }),
      ).toString('base64url');
      expect(() => keyset(spec('asc'), outOfRange)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
    }
  });
});
