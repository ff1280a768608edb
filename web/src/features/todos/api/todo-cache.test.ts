import { describe, expect, it } from 'vitest';
import { mergeVersions, type Todo } from './todo-cache';

const todo = (id: string, completed: boolean, version: number): Todo => ({
  id,
  title: id,
  notes: '',
  dueAt: null,
  priority: 4,
  completed,
  completedAt: completed ? '2026-01-01T00:00:00.000Z' : null,
  link: null,
  version,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('mergeVersions', () => {
  it('takes the server’s versions and keeps the cache’s (optimistic) fields', () => {
    const cached = [todo('a', false, 1), todo('b', true, 1), todo('optimistic-1', false, 1)];
    const server = [todo('a', true, 2), todo('b', true, 2), todo('c', false, 1)];
    const merged = mergeVersions(cached, server);
    expect(merged.map((t) => [t.id, t.completed, t.version])).toEqual([
      ['a', false, 2], // reopened again after the bulk write: the later change wins
      ['b', true, 2],
      ['optimistic-1', false, 1],
    ]);
  });

  it('never moves a version backwards', () => {
    expect(mergeVersions([todo('a', false, 5)], [todo('a', false, 3)])[0]?.version).toBe(5);
  });
});
