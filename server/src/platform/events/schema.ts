import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { platform } from '../db/seeds.js';

/**
 * The transactional outbox: a module writes its event here in the same
 * transaction as the change it announces; the relay publishes rows in `seq`
 * order to the event transport and marks them published.
 */
export const outbox = platform.table(
  'outbox',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    /** The event's id: the message id on the transport, the consumers' idempotency key. */
    id: uuid('id').notNull().unique(),
    type: text('type').notNull(),
    /** The version of the payload's shape (its definition's); the consumer's edge routes by type and version. */
    version: integer('version').notNull().default(1),
    /** Events with one key (an order id) are published in the order they were written. */
    key: text('key').notNull(),
    payload: jsonb('payload').notNull(),
    /** W3C trace context of the request that wrote the event. */
    traceparent: text('traceparent'),
    tracestate: text('tracestate'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Publish attempts so far; drives the back-off after a failure. */
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** A relay's lease: the row is its own until then; a crashed relay's lease simply runs out. */
    claimedBy: text('claimed_by'),
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [
    index('outbox_pending_idx').on(t.seq).where(sql`${t.publishedAt} is null`),
    index('outbox_pending_key_idx').on(t.key, t.seq).where(sql`${t.publishedAt} is null`),
    index('outbox_published_idx').on(t.publishedAt).where(sql`${t.publishedAt} is not null`),
  ],
);

/**
 * The embedded default's event queue: SQS's semantics (visibility timeout,
 * receive count, dead letters after too many receives, redrive) in a
 * PostgreSQL table, so `npm start` needs no AWS.
 */
export const queueMessages = platform.table(
  'queue_messages',
  {
    id: uuid('id').primaryKey(),
    queue: text('queue').notNull(),
    body: jsonb('body').notNull(),
    enqueuedAt: timestamp('enqueued_at', { withTimezone: true }).notNull().defaultNow(),
    visibleAt: timestamp('visible_at', { withTimezone: true }).notNull().defaultNow(),
    receiveCount: integer('receive_count').notNull().default(0),
    /** Set when the message moved to the dead letters; a redrive clears it. */
    deadAt: timestamp('dead_at', { withTimezone: true }),
    deadReason: text('dead_reason'),
  },
  (t) => [
    check('queue_messages_receive_count_non_negative', sql`${t.receiveCount} >= 0`),
    index('queue_messages_ready_idx').on(t.queue, t.visibleAt, t.enqueuedAt).where(sql`${t.deadAt} is null`),
    index('queue_messages_dead_idx').on(t.queue, t.deadAt).where(sql`${t.deadAt} is not null`),
  ],
);
