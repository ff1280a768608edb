import type { Todo } from './api-schemas.js';
import type { TodoRow } from './schema.js';

export function toTodo(row: TodoRow): Todo {
  return {
    id: row.id,
    title: row.title,
    notes: row.notes,
    dueAt: row.dueAt?.toISOString() ?? null,
    priority: row.priority,
    completed: row.completed,
    completedAt: row.completedAt?.toISOString() ?? null,
    link: row.link,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
