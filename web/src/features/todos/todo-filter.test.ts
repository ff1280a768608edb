import { describe, expect, it } from 'vitest';
import { applyTodoFilter, countTodos, parseTodoFilter, todoFilterPath } from './todo-filter';

const todos = [
  { id: 'a', completed: false },
  { id: 'b', completed: true },
  { id: 'c', completed: false },
];

describe('todo filters', () => {
  it('reads the filter from the path segment, refusing unknown ones', () => {
    expect(parseTodoFilter(undefined)).toBe('all');
    expect(parseTodoFilter('active')).toBe('active');
    expect(parseTodoFilter('completed')).toBe('completed');
    expect(parseTodoFilter('overdue')).toBeNull();
  });

  it('links each filter to its path', () => {
    expect(['all', 'active', 'completed'].map((f) => todoFilterPath(f as 'all'))).toEqual([
      '/todos',
      '/todos/active',
      '/todos/completed',
    ]);
  });

  it('keeps the order and picks the matching todos', () => {
    expect(applyTodoFilter(todos, 'all').map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(applyTodoFilter(todos, 'active').map((t) => t.id)).toEqual(['a', 'c']);
    expect(applyTodoFilter(todos, 'completed').map((t) => t.id)).toEqual(['b']);
  });

  it('counts active and completed todos', () => {
    expect(countTodos(todos)).toEqual({ active: 2, completed: 1 });
    expect(countTodos([])).toEqual({ active: 0, completed: 0 });
  });
});
