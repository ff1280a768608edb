import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { type Database, sqlRows, type Transaction } from '../db/database.js';
import { metrics } from '../observability/metrics.js';
import { envelopeSchema } from './envelope.js';
import { queueMessages } from './schema.js';
import type { DeadLetter, Delivery, EventTransport } from './transport.js';

export type PostgresTransportOptions = {
  db: Database;
  /** Several queues can share the table. */
  queue: string;
  /** As SQS's redrive policy: the receive after this many moves the message to the dead letters. */
  maxReceiveCount: number;
  /**
   * How often a waiting `receive` looks again when nothing woke it: a publish
   * in this process, or `wake()` (the runtime calls it when the queue table
   * announces an insert, from any process).
   */
  pollIntervalMs?: number;
};

export type PostgresTransport = EventTransport & {
  /** Something was queued (a notification said so): waiting receives look now. */
  wake(): void;
  /**
   * The queue table this transport reads, for a relay on the same database:
   * it moves outbox rows into it in one statement (createOutboxRelay), then
   * wakes this process's waiting receives.
   */
  readonly queueInDatabase: { db: Database; queue: string; wake(): void };
  /** `ack` inside the caller's transaction (a handler's, through `acknowledgeWithin`): done when it commits. */
  ackWithin(tx: Transaction, delivery: Delivery): Promise<void>;
};

/**
 * The event transport over a PostgreSQL table, with SQS's semantics. Receivers
 * claim rows with `FOR UPDATE SKIP LOCKED`, so any number of them (in any
 * number of processes) never take one message twice within its visibility
 * timeout.
 */
export function createPostgresTransport(options: PostgresTransportOptions): PostgresTransport {
  const { db, queue, maxReceiveCount } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const waiters = new Set<() => void>();
  // Counts wake-ups, so news that came while a receive was claiming (no waiter yet) is not lost.
  let news = 0;
  const wakeAll = () => {
    news++;
    for (const wake of waiters) wake();
  };

  /**
   * One statement (one round trip, one commit) per receive: messages received
   * too often go to the dead letters, as SQS's redrive policy does at their
   * next receive, and up to `max` others are claimed with SKIP LOCKED.
   */
  async function claim(max: number, visibilitySeconds: number): Promise<Delivery[]> {
    const deadReason = `received ${maxReceiveCount} times without success`;
    const rows = await sqlRows<{
      id: string | null;
      body: unknown;
      receive_count: number | null;
      dead_type: string | null;
    }>(
      db,
      sql`
      with dead as (
        update ${queueMessages} set dead_at = now(), dead_reason = ${deadReason}
         where queue = ${queue} and dead_at is null and visible_at <= now() and receive_count >= ${maxReceiveCount}
        returning body->>'type' as type
      ), ready as (
        select id from ${queueMessages}
         where queue = ${queue} and dead_at is null and visible_at <= now() and receive_count < ${maxReceiveCount}
         order by enqueued_at, id
         limit ${max}
         for update skip locked
      ), claimed as (
        update ${queueMessages} as m
           set receive_count = m.receive_count + 1,
               visible_at = now() + make_interval(secs => ${visibilitySeconds})
          from ready where m.id = ready.id
        returning m.id, m.body, m.receive_count
      )
      select null::uuid as id, null::jsonb as body, null::int as receive_count, type as dead_type from dead
      union all
      select id, body, receive_count, null from claimed`,
    );
    const deliveries: Delivery[] = [];
    for (const row of rows) {
      // On SQS the queue's redrive policy does this (and its DLQ depth alarm watches it).
      if (row.id === null) metrics.count('DeadLetters', 1, row.dead_type ?? 'unknown');
      else
        deliveries.push({
          envelope: envelopeSchema.parse(row.body),
          receiveCount: row.receive_count ?? 1,
          receipt: row.id,
        });
    }
    return deliveries.sort((a, b) => a.envelope.occurredAt.localeCompare(b.envelope.occurredAt));
  }

  return {
    async publish(envelopes, { signal } = {}) {
      if (envelopes.length === 0) return;
      signal?.throwIfAborted();
      await db
        .insert(queueMessages)
        .values(envelopes.map((envelope) => ({ id: envelope.id, queue, body: envelope })))
        // The relay may publish one event twice (at-least-once); the queue keeps one copy.
        .onConflictDoNothing();
      wakeAll();
    },

    wake: wakeAll,
    queueInDatabase: { db, queue, wake: wakeAll },

    async receive({ max, waitSeconds, visibilitySeconds, signal }) {
      const deadline = Date.now() + waitSeconds * 1000;
      for (;;) {
        if (signal?.aborted) return [];
        const seen = news;
        const deliveries = await claim(max, visibilitySeconds);
        const left = deadline - Date.now();
        if (deliveries.length > 0 || left <= 0) return deliveries;
        if (news !== seen) continue;
        await new Promise<void>((resolve) => {
          const wake = () => {
            clearTimeout(timer);
            waiters.delete(wake);
            signal?.removeEventListener('abort', wake);
            resolve();
          };
          const timer = setTimeout(wake, Math.min(pollIntervalMs, left));
          waiters.add(wake);
          signal?.addEventListener('abort', wake);
        });
      }
    },

    async ack(delivery) {
      await db.delete(queueMessages).where(eq(queueMessages.id, delivery.receipt));
    },

    async ackWithin(tx, delivery) {
      await tx.delete(queueMessages).where(eq(queueMessages.id, delivery.receipt));
    },

    async changeVisibility(delivery, delaySeconds) {
      await db
        .update(queueMessages)
        .set({ visibleAt: sql`now() + make_interval(secs => ${delaySeconds})` })
        .where(and(eq(queueMessages.id, delivery.receipt), isNull(queueMessages.deadAt)));
      // A retry due before the next poll: look when it is due, not at the poll.
      if (delaySeconds * 1000 < pollIntervalMs) setTimeout(wakeAll, delaySeconds * 1000).unref();
    },

    async deadLetter(delivery, reason) {
      await db
        .update(queueMessages)
        .set({ deadAt: sql`now()`, deadReason: reason.slice(0, 1000) })
        .where(eq(queueMessages.id, delivery.receipt));
    },

    async listDeadLetters({ limit }) {
      const rows = await db
        .select()
        .from(queueMessages)
        .where(and(eq(queueMessages.queue, queue), isNotNull(queueMessages.deadAt)))
        .orderBy(desc(queueMessages.deadAt), asc(queueMessages.id))
        .limit(limit);
      return rows.map(
        (row): DeadLetter => ({
          id: row.id,
          envelope: envelopeSchema.parse(row.body),
          receiveCount: row.receiveCount,
          deadAt: row.deadAt?.toISOString() ?? null,
          reason: row.deadReason,
        }),
      );
    },

    async redrive(ids) {
      const moved = await db
        .update(queueMessages)
        .set({ deadAt: null, deadReason: null, receiveCount: 0, visibleAt: sql`now()` })
        .where(
          and(
            eq(queueMessages.queue, queue),
            isNotNull(queueMessages.deadAt),
            ids ? inArray(queueMessages.id, [...ids]) : undefined,
          ),
        )
        .returning({ id: queueMessages.id });
      if (moved.length > 0) wakeAll();
      return moved.length;
    },
  };
}
