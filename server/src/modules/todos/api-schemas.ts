import { z } from '@hono/zod-openapi';
import { pageParams } from '../../platform/http/cursor.js';
import { dueAtInputSchema } from './due-at.js';
import { notesMaxLength, titleMaxLength } from './schema.js';
import { todoFilters, todoSorts } from './todo-queries.js';

/** The todos module's public contract: what the API accepts and answers. */
export const todoSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    notes: z.string(),
    dueAt: z.iso.datetime().nullable().openapi({ description: 'UTC instant; null when there is no due date' }),
    priority: z.int().min(1).max(4).openapi({ description: '1 is the highest, 4 (the default) the lowest' }),
    completed: z.boolean(),
    completedAt: z.iso.datetime().nullable(),
    link: z.string().nullable().openapi({
      description: 'An app path the todo is about (a pack task links to its order); null for your own todos',
    }),
    version: z.int().min(1).openapi({ description: 'Send as `If-Match: "<version>"` to change or delete the todo' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('Todo');

export const todoCountsSchema = z
  .object({ active: z.int().min(0), completed: z.int().min(0) })
  .openapi('TodoCounts', { description: 'All of the user’s todos, whatever the filter (TodoMVC’s footer)' });

export const todoListSchema = z
  .object({
    items: z.array(todoSchema),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: 'Pass as `cursor` for the next page; null on the last page' }),
    counts: todoCountsSchema,
  })
  .openapi('TodoList');

const title = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, 'must not be empty')
  .max(titleMaxLength, `must be at most ${titleMaxLength} characters`)
  .openapi({ description: 'Trimmed before it is checked and stored', example: 'Buy sake for the party' });
const notes = z
  .string({ error: 'must be a string' })
  .max(notesMaxLength, `must be at most ${notesMaxLength} characters`);
const priority = z
  .int({ error: 'must be a whole number from 1 to 4' })
  .min(1, 'must be 1 (highest) to 4 (lowest)')
  .max(4, 'must be 1 (highest) to 4 (lowest)');

// Unknown keys are refused, so a misspelt field is an error rather than a silent no-op.
export const createTodoBodySchema = z
  .strictObject({
    title,
    notes: notes.optional(),
    dueAt: dueAtInputSchema.nullable().optional(),
    priority: priority.optional().openapi({ description: 'Default 4 (lowest)' }),
  })
  .openapi('CreateTodo');

export const updateTodoBodySchema = z
  .strictObject({
    title: title.optional(),
    notes: notes.optional(),
    dueAt: dueAtInputSchema.nullable().optional().openapi({ description: 'null removes the due date' }),
    priority: priority.optional(),
    completed: z.boolean({ error: 'must be true or false' }).optional().openapi({
      description: 'true completes the todo (completedAt is set once), false reopens it',
    }),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'must change at least one field',
  })
  .openapi('UpdateTodo');

export const listTodosQuerySchema = z.object({
  filter: z
    .enum(todoFilters, { error: `must be one of ${todoFilters.join(', ')}` })
    .default('all')
    .openapi({
      description: 'overdue: unfinished and past due; today: due today in the user’s time zone, done or not',
    }),
  sort: z
    .enum(todoSorts, { error: `must be one of ${todoSorts.join(', ')}` })
    .default('created')
    .openapi({
      description:
        'created: oldest first (TodoMVC’s order); due: soonest first, no due date last; priority: 1 first, then by due',
    }),
  ...pageParams(50),
});

export const todoIdParamsSchema = z.object({
  id: z.uuid({ error: 'must be a todo id' }).openapi({ param: { name: 'id', in: 'path' } }),
});

export const toggleAllBodySchema = z
  .strictObject({ completed: z.boolean({ error: 'must be true or false' }) })
  .openapi('ToggleAllTodos');

export const bulkResultSchema = z
  .object({ changed: z.int().min(0), counts: todoCountsSchema })
  .openapi('TodoBulkResult');

export type Todo = z.infer<typeof todoSchema>;
