import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ErrorBody } from '../../platform/http/errors.js';
import type { Todo } from './api-schemas.js';
import type { ClearCompletedTodosResponse } from './routes/clear-completed-todos.js';
import type { ListTodosResponse } from './routes/list-todos.js';
import type { ToggleAllTodosResponse } from './routes/toggle-all-todos.js';
import { todosClient } from './todos-test-client.js';

let t: TestApp;
let api: ReturnType<typeof todosClient>;
beforeAll(async () => {
  t = await createTestApp();
  api = todosClient(t, (await t.signIn()).headers);
});
afterAll(async () => {
  await t?.close();
});

const errorOf = async (response: Response) => ((await response.json()) as ErrorBody).error;

describe('POST /api/todos', () => {
  it('creates a todo with defaults, a trimmed title, an ETag and a Location', async () => {
    const response = await t.app.request('/api/todos', {
      method: 'POST',
      headers: { ...(await t.signIn()).headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: '  Buy sake \n' }),
    });
    expect(response.status).toBe(201);
    const todo = (await response.json()) as Todo;
    expect(todo).toMatchObject({
      title: 'Buy sake',
      notes: '',
      dueAt: null,
      priority: 4,
      completed: false,
      completedAt: null,
      version: 1,
    });
    expect(Date.parse(todo.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.headers.get('location')).toBe(`/api/todos/${todo.id}`);
  });

  it('takes notes, priority and a due date with an offset, answering in UTC', async () => {
    const todo = await api.create({
      title: 'Call',
      notes: 'about the party',
      priority: 1,
      dueAt: '2026-05-01T09:00:00+09:00',
    });
    expect(todo).toMatchObject({ notes: 'about the party', priority: 1, dueAt: '2026-05-01T00:00:00.000Z' });
  });

  it('accepts a 500-character title, counting characters rather than bytes', async () => {
    const title = '酒'.repeat(500);
    expect((await api.create({ title })).title).toBe(title);
  });

  it.each([
    [{}, 'title'],
    [{ title: '' }, 'title'],
    [{ title: ' \t\u3000 ' }, 'title'],
    [{ title: 'x'.repeat(501) }, 'title'],
    [{ title: 42 }, 'title'],
    [{ title: 'ok', priority: 0 }, 'priority'],
    [{ title: 'ok', priority: 5 }, 'priority'],
    [{ title: 'ok', priority: 1.5 }, 'priority'],
    [{ title: 'ok', notes: 'n'.repeat(10_001) }, 'notes'],
    [{ title: 'ok', dueAt: 'tomorrow' }, 'dueAt'],
    [{ title: 'ok', dueAt: '2026-02-30T09:00' }, 'dueAt'],
    [{ title: 'ok', dueAt: '0000-01-01T00:00' }, 'dueAt'],
    [{ title: 'ok', dueAt: '2026-05-01' }, 'dueAt'],
    [{ title: 'ok', titel: 'typo' }, '(root)'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const response = await t.app.request('/api/todos', {
      method: 'POST',
      headers: { ...(await t.signIn()).headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details?.map((d) => d.path)).toContain(field);
  });
});

describe('GET /api/todos/{id}', () => {
  it('returns the todo with its ETag', async () => {
    const created = await api.create({ title: 'Read' });
    const response = await api.get(created.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(await response.json()).toEqual(created);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await api.get('00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe('NOT_FOUND');
    const malformed = await api.get('not-a-uuid');
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).details?.map((d) => d.path)).toContain('id');
  });
});

describe('PATCH /api/todos/{id}', () => {
  it('changes only the fields sent and moves the version and ETag on', async () => {
    const created = await api.create({ title: 'Draft', notes: 'keep me', priority: 2 });
    const response = await api.patch(created.id, { title: ' Final ', priority: 1 }, '"1"');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    const todo = (await response.json()) as Todo;
    expect(todo).toMatchObject({ title: 'Final', notes: 'keep me', priority: 1, version: 2 });
    expect(Date.parse(todo.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));
  });

  it('completes and reopens; completing twice keeps the first completion time', async () => {
    const created = await api.create({ title: 'Toggle me' });
    const done = (await (await api.patch(created.id, { completed: true }, '"1"')).json()) as Todo;
    expect(done.completed).toBe(true);
    expect(done.completedAt).toEqual(expect.any(String));
    const again = (await (await api.patch(created.id, { completed: true }, '"2"')).json()) as Todo;
    expect(again.completedAt).toBe(done.completedAt);
    const reopened = (await (await api.patch(created.id, { completed: false }, '"3"')).json()) as Todo;
    expect(reopened).toMatchObject({ completed: false, completedAt: null, version: 4 });
  });

  it('sets and clears the due date', async () => {
    const created = await api.create({ title: 'Due' });
    const set = (await (await api.patch(created.id, { dueAt: '2026-12-24T18:30' }, '"1"')).json()) as Todo;
    expect(set.dueAt).toBe('2026-12-24T09:30:00.000Z');
    const cleared = (await (await api.patch(created.id, { dueAt: null }, '"2"')).json()) as Todo;
    expect(cleared.dueAt).toBeNull();
  });

  it('requires If-Match (428) and refuses a stale one (412 with the current ETag), changing nothing', async () => {
    const created = await api.create({ title: 'Guarded' });
    const missing = await api.patch(created.id, { title: 'Blind write' });
    expect(missing.status).toBe(428);
    expect((await errorOf(missing)).code).toBe('PRECONDITION_REQUIRED');
    await api.patch(created.id, { title: 'Tab one' }, '"1"');
    const stale = await api.patch(created.id, { title: 'Tab two' }, '"1"');
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag')).toBe('"2"');
    expect((await errorOf(stale)).code).toBe('PRECONDITION_FAILED');
    const weak = await api.patch(created.id, { title: 'Weak' }, 'W/"2"');
    expect(weak.status).toBe(412);
    expect(((await (await api.get(created.id)).json()) as Todo).title).toBe('Tab one');
  });

  it('accepts any listed ETag and the explicit If-Match: *', async () => {
    const created = await api.create({ title: 'List' });
    expect((await api.patch(created.id, { priority: 3 }, '"7", "1"')).status).toBe(200);
    expect((await api.patch(created.id, { priority: 2 }, '*')).status).toBe(200);
  });

  it.each([
    [{}, '(root)'],
    [{ title: '  ' }, 'title'],
    [{ priority: 9 }, 'priority'],
    [{ completed: 'yes' }, 'completed'],
    [{ dueAt: '2026-13-01T00:00' }, 'dueAt'],
    [{ version: 3 }, '(root)'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const created = await api.create({ title: 'Valid' });
    const response = await api.patch(created.id, body, '"1"');
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details?.map((d) => d.path)).toContain(field);
  });

  it('refuses a malformed If-Match with 400 naming it', async () => {
    const created = await api.create({ title: 'Valid' });
    const response = await api.patch(created.id, { title: 'x' }, '1');
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details?.map((d) => d.path)).toContain('If-Match');
  });

  it('answers 404 for an unknown todo, whatever the If-Match', async () => {
    expect((await api.patch('00000000-0000-4000-8000-000000000000', { title: 'x' }, '"1"')).status).toBe(404);
  });
});

describe('DELETE /api/todos/{id}', () => {
  it('deletes with the current ETag, requires If-Match, refuses a stale one', async () => {
    const created = await api.create({ title: 'Delete me' });
    expect((await api.remove(created.id)).status).toBe(428);
    await api.patch(created.id, { notes: 'edited elsewhere' }, '"1"');
    const stale = await api.remove(created.id, '"1"');
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag')).toBe('"2"');
    expect((await api.get(created.id)).status).toBe(200);
    const deleted = await api.remove(created.id, '"2"');
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    expect((await api.get(created.id)).status).toBe(404);
    expect((await api.remove(created.id, '"2"')).status).toBe(404);
  });
});

describe('toggle all and clear completed', () => {
  it('completes all, reopens all, and clears the completed ones, with counts', async () => {
    const own = todosClient(t, (await t.signIn()).headers);
    const [a, b, c] = [
      await own.create({ title: 'a' }),
      await own.create({ title: 'b' }),
      await own.create({ title: 'c' }),
    ];
    await own.patch(a.id, { completed: true }, '"1"');

    const all = await own.post('/api/todos/toggle-all', { completed: true });
    expect(all.status).toBe(200);
    expect((await all.json()) as ToggleAllTodosResponse).toEqual({ changed: 2, counts: { active: 0, completed: 3 } });
    // The one already completed kept its version: toggle-all changed only what it had to.
    expect(((await (await own.get(a.id)).json()) as Todo).version).toBe(2);
    expect(((await (await own.get(b.id)).json()) as Todo).version).toBe(2);

    const none = await own.post('/api/todos/toggle-all', { completed: false });
    expect((await none.json()) as ToggleAllTodosResponse).toEqual({ changed: 3, counts: { active: 3, completed: 0 } });

    await own.patch(c.id, { completed: true }, '"3"');
    const cleared = await own.post('/api/todos/clear-completed');
    expect(cleared.status).toBe(200);
    expect((await cleared.json()) as ClearCompletedTodosResponse).toEqual({
      changed: 1,
      counts: { active: 2, completed: 0 },
    });
    expect((await own.get(c.id)).status).toBe(404);
    const list = (await (await own.list()).json()) as ListTodosResponse;
    expect(list.items.map((todo) => todo.title)).toEqual(['a', 'b']);
  });

  it('refuses a toggle-all without a boolean', async () => {
    const response = await api.post('/api/todos/toggle-all', { completed: 'all' });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details?.map((d) => d.path)).toContain('completed');
  });
});

describe('GET /api/todos', () => {
  it('lists in creation order with counts for the footer', async () => {
    const own = todosClient(t, (await t.signIn()).headers);
    const first = await own.create({ title: 'first' });
    await own.create({ title: 'second' });
    await own.patch(first.id, { completed: true }, '"1"');
    const response = await own.list();
    expect(response.status).toBe(200);
    const body = (await response.json()) as ListTodosResponse;
    expect(body.items.map((todo) => [todo.title, todo.completed])).toEqual([
      ['first', true],
      ['second', false],
    ]);
    expect(body.counts).toEqual({ active: 1, completed: 1 });
    expect(body.nextCursor).toBeNull();
  });
});
