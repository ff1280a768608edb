import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ErrorBody } from '../../platform/http/errors.js';
import type { Todo } from './api-schemas.js';
import type { ListTodosResponse } from './routes/list-todos.js';
import { todosClient } from './todos-test-client.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** A fresh user living in `timeZone` (set as identity would: on their record). */
async function userIn(timeZone: string) {
  const user = await t.signIn();
  await t.database.db.execute(sql`update identity.users set time_zone = ${timeZone} where id = ${user.userId}`);
  return todosClient(t, user.headers);
}

async function page(api: ReturnType<typeof todosClient>, query: string) {
  const response = await api.list(query);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as ListTodosResponse;
}

/** Follows nextCursor to the end; fails on a loop. */
async function collect(api: ReturnType<typeof todosClient>, query: string) {
  const seen: Todo[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const body = await page(api, `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    seen.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error('pagination did not end');
}

/** The calendar date of an instant in a zone, by the JavaScript runtime's own tz data: the oracle. */
const localDate = (timeZone: string, at: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const dueTime = (todo: Todo) => (todo.dueAt === null ? Number.POSITIVE_INFINITY : Date.parse(todo.dueAt));
const byCreation = (all: Todo[]) => (a: Todo, b: Todo) => all.indexOf(a) - all.indexOf(b);

describe('sorting and paging', () => {
  let api: ReturnType<typeof todosClient>;
  let created: Todo[];
  beforeAll(async () => {
    api = await userIn('Asia/Tokyo');
    created = [];
    // Many ties on purpose (same priority, same due, no due), so page boundaries fall inside them.
    for (let i = 0; i < 23; i++) {
      const due = i % 3 === 0 ? null : `2026-06-${String(1 + (i % 4)).padStart(2, '0')}T12:00`;
      created.push(await api.create({ title: `todo ${i}`, priority: 1 + (i % 4), dueAt: due }));
    }
  });

  const expected = {
    created: () => [...created],
    due: () => [...created].sort((a, b) => dueTime(a) - dueTime(b) || byCreation(created)(a, b)),
    priority: () =>
      [...created].sort((a, b) => a.priority - b.priority || dueTime(a) - dueTime(b) || byCreation(created)(a, b)),
  };

  it.each(['created', 'due', 'priority'] as const)(
    'sorts by %s, the same in one page and in pages of 4',
    async (sort) => {
      const ids = expected[sort]().map((todo) => todo.id);
      const whole = await page(api, `sort=${sort}&limit=100`);
      expect(whole.items.map((todo) => todo.id)).toEqual(ids);
      expect(whole.nextCursor).toBeNull();
      const paged = await collect(api, `sort=${sort}&limit=4`);
      expect(paged.map((todo) => todo.id)).toEqual(ids);
    },
  );

  it('sorts todos without a due date last, whatever the sort direction of the rest', async () => {
    const due = await collect(api, 'sort=due&limit=5');
    const firstWithout = due.findIndex((todo) => todo.dueAt === null);
    expect(firstWithout).toBeGreaterThan(0);
    expect(due.slice(firstWithout).every((todo) => todo.dueAt === null)).toBe(true);
  });

  it('defaults to 50 a page, oldest first', async () => {
    const body = await page(api, '');
    expect(body.items[0]?.title).toBe('todo 0');
    expect(body.items).toHaveLength(23);
    expect(body.counts).toEqual({ active: 23, completed: 0 });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=x', 'limit'],
    ['filter=done', 'filter'],
    ['sort=title', 'sort'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const { status, body } = await t.getJson<ErrorBody>(`/api/todos?${query}`, {
      headers: (await t.signIn()).headers,
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details?.map((d) => d.path)).toContain(field);
  });

  it('refuses a forged cursor, a cursor of another sort, and impossible keys, never with a 500', async () => {
    const first = await page(api, 'sort=due&limit=2');
    const other = await api.list(`sort=priority&cursor=${first.nextCursor}`);
    expect(other.status).toBe(400);
    const forge = (k: (string | null)[]) =>
      Buffer.from(JSON.stringify({ s: 'due', k, id: '00000000-0000-4000-8000-000000000000' })).toString('base64url');
    for (const cursor of [
      'bm90LWEtY3Vyc29y',
      forge(['2026-02-30T00:00:00.000000', '2026-01-01T00:00:00.000000']),
      forge(["1'; drop table todos.todos; --", '2026-01-01T00:00:00.000000']),
      forge([null]),
      forge([null, null]),
    ]) {
      const response = await api.list(`sort=due&cursor=${cursor}`);
      expect(response.status, cursor).toBe(400);
      expect(((await response.json()) as ErrorBody).error.code).toBe('INVALID_CURSOR');
    }
  });
});

describe('filters', () => {
  it('active, completed and overdue, with counts that ignore the filter', async () => {
    const api = await userIn('Asia/Tokyo');
    const past = new Date(Date.now() - 3_600_000).toISOString();
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const late = await api.create({ title: 'late', dueAt: past });
    const lateDone = await api.create({ title: 'late but done', dueAt: past });
    await api.patch(lateDone.id, { completed: true }, '"1"');
    const later = await api.create({ title: 'later', dueAt: future });
    const undated = await api.create({ title: 'undated' });

    const titles = async (filter: string) => {
      const body = await page(api, `filter=${filter}`);
      expect(body.counts).toEqual({ active: 3, completed: 1 });
      return body.items.map((todo) => todo.title);
    };
    expect(await titles('all')).toEqual(['late', 'late but done', 'later', 'undated']);
    expect(await titles('active')).toEqual([late.title, later.title, undated.title]);
    expect(await titles('completed')).toEqual(['late but done']);
    expect(await titles('overdue')).toEqual(['late']);
  });

  it.each(['Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])(
    '"today" runs from local midnight to local midnight in %s',
    async (timeZone) => {
      const api = await userIn(timeZone);
      const today = localDate(timeZone, new Date());
      await api.create({ title: 'yesterday late', dueAt: `${addDays(today, -1)}T23:59` });
      await api.create({ title: 'today at midnight', dueAt: `${today}T00:00` });
      const done = await api.create({ title: 'today, done', dueAt: `${today}T12:00` });
      await api.patch(done.id, { completed: true }, '"1"');
      await api.create({ title: 'today late', dueAt: `${today}T23:59:59` });
      await api.create({ title: 'tomorrow at midnight', dueAt: `${addDays(today, 1)}T00:00` });
      await api.create({ title: 'no due date' });
      const body = await page(api, 'filter=today&sort=due');
      expect(body.items.map((todo) => todo.title)).toEqual(['today at midnight', 'today, done', 'today late']);
    },
  );

  it('puts the same instants into "today" by each user’s own calendar', async () => {
    const zones = ['Asia/Tokyo', 'America/New_York'];
    const now = Date.now();
    const instants = [-30, -20, -12, -6, -1, 1, 6, 12, 20, 30].map((hours) => new Date(now + hours * 3_600_000));
    for (const timeZone of zones) {
      const api = await userIn(timeZone);
      for (const at of instants) await api.create({ title: at.toISOString(), dueAt: at.toISOString() });
      const today = localDate(timeZone, new Date());
      const expectedTitles = instants.filter((at) => localDate(timeZone, at) === today).map((at) => at.toISOString());
      const body = await page(api, 'filter=today&sort=due');
      expect(
        body.items.map((todo) => todo.title),
        timeZone,
      ).toEqual(expectedTitles);
    }
  });
});

describe('due dates in the user’s time zone', () => {
  it('reads a local date-time in the user’s zone and an instant as given', async () => {
    const tokyo = await userIn('Asia/Tokyo');
    const angeles = await userIn('America/Los_Angeles');
    const local = '2026-05-01T09:00';
    expect((await tokyo.create({ title: 'x', dueAt: local })).dueAt).toBe('2026-05-01T00:00:00.000Z');
    expect((await angeles.create({ title: 'x', dueAt: local })).dueAt).toBe('2026-05-01T16:00:00.000Z');
    // Winter: Los Angeles is UTC-8, not -7.
    expect((await angeles.create({ title: 'x', dueAt: '2026-01-15T09:00' })).dueAt).toBe('2026-01-15T17:00:00.000Z');
    const instant = '2026-05-01T09:00:00+09:00';
    expect((await angeles.create({ title: 'x', dueAt: instant })).dueAt).toBe('2026-05-01T00:00:00.000Z');
    expect((await angeles.create({ title: 'x', dueAt: '2026-05-01T00:00:00Z' })).dueAt).toBe(
      '2026-05-01T00:00:00.000Z',
    );
  });

  it('moves a wall time that does not exist (the spring-forward gap) forward, as PostgreSQL does', async () => {
    const angeles = await userIn('America/Los_Angeles');
    // 02:30 on 8 March 2026 never happens in Los Angeles; it becomes 03:30 PDT.
    expect((await angeles.create({ title: 'gap', dueAt: '2026-03-08T02:30' })).dueAt).toBe('2026-03-08T10:30:00.000Z');
  });

  it('Tokyo is the default zone of a new user', async () => {
    const api = todosClient(t, (await t.signIn()).headers);
    expect((await api.create({ title: 'x', dueAt: '2026-05-01T09:00' })).dueAt).toBe('2026-05-01T00:00:00.000Z');
  });
});
