import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgSchema,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The todos module owns the `todos` schema. `user_id` has no foreign key to
 * `identity.users` on purpose: modules are independent, and identity decides
 * what deleting a user means for the data other modules keep.
 */
export const todosSchema = pgSchema('todos');

export const titleMaxLength = 500;
export const notesMaxLength = 10_000;
/** 1 is the highest priority; new todos get the lowest, 4 ("no priority"), as in Todoist. */
export const defaultPriority = 4;

export const todos = todosSchema.table(
  'todos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    title: text('title').notNull(),
    notes: text('notes').notNull().default(''),
    dueAt: timestamp('due_at', { withTimezone: true }),
    priority: smallint('priority').notNull().default(defaultPriority),
    completed: boolean('completed').notNull().default(false),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /**
     * Set on todos the system made for a user (e.g. "order:<id>" for a pack
     * task): at most one per user and source, so a redelivered event adds none.
     */
    sourceKey: text('source_key'),
    /** An app path the todo is about (e.g. the order in the back office). */
    link: text('link'),
    /** Bumped by every write; the ETag clients send back in If-Match. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The API trims titles; the database refuses anything that slipped past it.
    check('todos_title_length', sql`char_length(${t.title}) between 1 and ${sql.raw(String(titleMaxLength))}`),
    check('todos_title_trimmed', sql`${t.title} = btrim(${t.title})`),
    check('todos_notes_length', sql`char_length(${t.notes}) <= ${sql.raw(String(notesMaxLength))}`),
    check('todos_priority_range', sql`${t.priority} between 1 and 4`),
    check('todos_completed_at_iff_completed', sql`${t.completed} = (${t.completedAt} is not null)`),
    check('todos_version_positive', sql`${t.version} >= 1`),
    // One index per list sort, owner first, ending in the keyset tie-breakers.
    index('todos_user_created_idx').on(t.userId, t.createdAt, t.id),
    uniqueIndex('todos_user_source_idx').on(t.userId, t.sourceKey),
    index('todos_source_idx').on(t.sourceKey),
    check('todos_link_is_app_path', sql`${t.link} ~ '^/[^/]'`),
    index('todos_user_due_idx').on(t.userId, t.dueAt, t.createdAt, t.id),
    index('todos_user_priority_idx').on(t.userId, t.priority, t.dueAt, t.createdAt, t.id),
  ],
);

export type TodoRow = typeof todos.$inferSelect;
