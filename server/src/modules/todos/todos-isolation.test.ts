import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databaseKind, type TestApp } from '../../../test/test-app.js';
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

describe('another user’s todos', () => {
  it('answer every single-todo route exactly like a missing todo (404), and stay unchanged', async () => {
    const owner = todosClient(t, (await t.signIn()).headers);
    const intruder = todosClient(t, (await t.signIn()).headers);
    const todo = await owner.create({ title: 'Mine', notes: 'private', dueAt: '2026-05-01T09:00' });
    const missing = '00000000-0000-4000-8000-000000000000';

    for (const id of [todo.id, missing]) {
      const attempts = [
        await intruder.get(id),
        await intruder.patch(id, { title: 'Theirs' }, '"1"'),
        await intruder.patch(id, { completed: true }, '*'),
        await intruder.remove(id, '"1"'),
        await intruder.remove(id, '*'),
      ];
      for (const response of attempts) {
        expect(response.status).toBe(404);
        expect(response.headers.get('etag')).toBeNull();
        const { error } = (await response.json()) as ErrorBody;
        expect({ code: error.code, message: error.message }).toEqual({ code: 'NOT_FOUND', message: 'No such todo' });
      }
    }
    const after = await owner.get(todo.id);
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual(todo);
  });

  it('are not listed, counted, toggled or cleared by anyone else', async () => {
    const owner = todosClient(t, (await t.signIn()).headers);
    const intruder = todosClient(t, (await t.signIn()).headers);
    const open = await owner.create({ title: 'open' });
    const done = await owner.create({ title: 'done' });
    await owner.patch(done.id, { completed: true }, '"1"');
    const before = (await (await owner.list()).json()) as ListTodosResponse;

    for (const filter of ['all', 'active', 'completed', 'overdue', 'today']) {
      const body = (await (await intruder.list(`filter=${filter}`)).json()) as ListTodosResponse;
      expect(body).toEqual({ items: [], nextCursor: null, counts: { active: 0, completed: 0 } });
    }
    expect(await (await intruder.post('/api/todos/toggle-all', { completed: true })).json()).toMatchObject({
      changed: 0,
    });
    expect(await (await intruder.post('/api/todos/toggle-all', { completed: false })).json()).toMatchObject({
      changed: 0,
    });
    expect(await (await intruder.post('/api/todos/clear-completed')).json()).toMatchObject({ changed: 0 });

    const after = (await (await owner.list()).json()) as ListTodosResponse;
    expect(after).toEqual(before);
    expect(after.items.map((todo) => todo.id)).toEqual([open.id, done.id]);
  });

  it('cannot be reached with a cursor made from them', async () => {
    const owner = todosClient(t, (await t.signIn()).headers);
    const intruder = todosClient(t, (await t.signIn()).headers);
    for (let i = 0; i < 3; i++) await owner.create({ title: `secret ${i}` });
    const { nextCursor } = (await (await owner.list('limit=1')).json()) as ListTodosResponse;
    const body = (await (await intruder.list(`limit=1&cursor=${nextCursor}`)).json()) as ListTodosResponse;
    expect(body.items).toEqual([]);
  });
});

describe(`concurrent writes (${databaseKind}: PostgreSQL overlaps them for real, PGlite serialises them)`, () => {
  it('20 PATCHes with the same If-Match: exactly one wins, the rest get 412, the version moves once', async () => {
    const api = todosClient(t, (await t.signIn()).headers);
    const todo = await api.create({ title: 'contended' });
    // Warm the pool first: on a cold one, connecting staggers the writers so much that they barely overlap.
    await Promise.all(Array.from({ length: 20 }, () => api.get(todo.id)));
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => api.patch(todo.id, { title: `writer ${i}` }, '"1"')),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, ...Array(19).fill(412)]);
    const winner = responses.find((response) => response.status === 200);
    const won = (await winner?.json()) as Todo;
    for (const response of responses.filter((r) => r.status === 412)) expect(response.headers.get('etag')).toBe('"2"');
    const current = (await (await api.get(todo.id)).json()) as Todo;
    expect(current).toMatchObject({ version: 2, title: won.title });
  });

  it('a stale DELETE racing a PATCH loses: the todo survives with the PATCH applied', async () => {
    const api = todosClient(t, (await t.signIn()).headers);
    const todo = await api.create({ title: 'race' });
    await Promise.all(Array.from({ length: 6 }, () => api.get(todo.id)));
    const [patched, ...deletes] = await Promise.all([
      api.patch(todo.id, { title: 'kept' }, '"1"'),
      ...Array.from({ length: 5 }, () => api.remove(todo.id, '"1"')),
    ]);
    const outcomes = [patched, ...deletes].map((response) => response?.status);
    // One of the six writes wins; every other one is told its version is stale (or that the todo is gone).
    expect(outcomes.filter((status) => status === 200 || status === 204)).toHaveLength(1);
    expect(outcomes.filter((status) => status === 412 || status === 404)).toHaveLength(5);
    const after = await api.get(todo.id);
    if (patched?.status === 200) expect(((await after.json()) as Todo).title).toBe('kept');
    else expect(after.status).toBe(404);
  });
});
