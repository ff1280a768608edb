import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { type Database, type DatabaseOrTransaction, sqlRows } from '../db/database.js';
import type { Logger } from '../observability/logger.js';
import { metrics } from '../observability/metrics.js';
import { createBackgroundLoop } from './background-loop.js';
import { createEnvelope, type Envelope, type NewEvent, startPublishSpans } from './envelope.js';
import type { EventDefinition } from './event-definition.js';
import type { PostgresTransport } from './postgres-transport.js';
import { outbox, queueMessages } from './schema.js';
import type { EventTransport } from './transport.js';

/**
 * Writes an event to the outbox. Call it inside the transaction that makes the
 * change the event announces: both commit, or neither does.
 */
export async function enqueueEvent<D extends EventDefinition>(
  tx: DatabaseOrTransaction,
  event: NewEvent<D>,
): Promise<Envelope> {
  const envelope = createEnvelope(event);
  await tx.insert(outbox).values({
    id: envelope.id,
    type: envelope.type,
    version: envelope.version,
    key: envelope.key,
    payload: envelope.payload ?? null,
    traceparent: envelope.traceparent ?? null,
    tracestate: envelope.tracestate ?? null,
    createdAt: new Date(envelope.occurredAt),
  });
  return envelope;
}

/**
 * Deletes up to `limit` published rows older than `before`, oldest first, and
 * returns how many; unpublished rows are never touched. Call it again while
 * it returns `limit` (the pruning job does, between other work).
 */
export async function prunePublishedEvents(
  db: DatabaseOrTransaction,
  params: { before: Date; limit: number },
): Promise<number> {
  const oldest = db
    .select({ seq: outbox.seq })
    .from(outbox)
    .where(and(isNotNull(outbox.publishedAt), lt(outbox.publishedAt, params.before)))
    .orderBy(outbox.publishedAt)
    .limit(params.limit);
  const deleted = await db.delete(outbox).where(inArray(outbox.seq, oldest)).returning({ seq: outbox.seq });
  return deleted.length;
}

export type OutboxRelayOptions = {
  db: Database;
  /**
   * Where events go. A transport whose queue is a table in `db` (the
   * PostgreSQL transport's `queueInDatabase`) gets them moved in one
   * statement instead: no lease, nothing in flight, one round trip a batch.
   */
  transport: Pick<EventTransport, 'publish'> & {
    queueInDatabase?: Pick<PostgresTransport['queueInDatabase'], 'db' | 'queue' | 'wake'>;
  };
  logger: Logger;
  batchSize?: number;
  /**
   * How long a claimed batch is this relay's unless renewed. The relay renews
   * it while it publishes; a relay that dies (or stalls longer than this)
   * lets it run out, and another relay publishes the batch again.
   */
  leaseSeconds?: number;
  /** How often a batch's lease is renewed while it is published: a third of the lease unless given. */
  renewEveryMs?: number;
  /** Idle polling backs off from `min` to `max` while the outbox stays empty. */
  idleMs?: { min: number; max: number };
  /**
   * Set when every outbox insert wakes this relay (`wake()` on the outbox's
   * notification): an empty outbox is then looked at only this often, a slow
   * heartbeat for news that was missed. After a failed publish the relay
   * polls by `idleMs` again until a batch goes through.
   */
  heartbeatMs?: number;
  /** A failed publish is retried after `first` seconds, doubling per attempt up to `max` (jittered). */
  backoffSeconds?: { first: number; max: number };
};

export type OutboxRelay = {
  /** Claims, publishes and marks one batch; returns how many events it published and marked as published. */
  runOnce(): Promise<number>;
  /** Starts the loop in the background. */
  start(): void;
  /** Something was just committed: look now instead of at the next poll. */
  wake(): void;
  /** Finishes the batch in flight, then stops. Nothing claimed is left half done. */
  stop(): Promise<void>;
};

/** An outbox row as the envelope the transport carries (and as the relay publishes it). */
export function toEnvelope(row: {
  id: string;
  type: string;
  version: number;
  key: string;
  payload: unknown;
  createdAt: Date;
  traceparent: string | null;
  tracestate: string | null;
}): Envelope {
  return {
    id: row.id,
    type: row.type,
    version: row.version,
    key: row.key,
    payload: row.payload,
    occurredAt: row.createdAt.toISOString(),
    ...(row.traceparent ? { traceparent: row.traceparent } : {}),
    ...(row.tracestate ? { tracestate: row.tracestate } : {}),
  };
}

/** The renewal found another claim on the batch: the lease ran out and another relay has it now. */
class LeaseLostError extends Error {
  override name = 'LeaseLostError';
}

/**
 * Publishes outbox rows to the event transport, **at least once**, in `seq`
 * order per key (ADR 0008):
 * - rows are claimed with `FOR UPDATE SKIP LOCKED` plus a lease, so two
 *   relays never hold one row at once, and a crashed relay's rows return
 *   when its lease runs out;
 * - each claim carries its own fencing token (`claimed_by`): only the holder
 *   of the current claim renews the lease, backs the rows off or marks them
 *   published;
 * - the lease is renewed while the batch is published; a renewal that finds
 *   the claim taken aborts the publish. A relay stalled past its lease (a
 *   frozen process, a lost connection) cannot renew, so another relay
 *   publishes the batch again: a duplicate, which the queue (PostgreSQL:
 *   one copy per event id) or the idempotent consumers absorb;
 * - a row is claimed only when no earlier row with its key is unpublished,
 *   so one order's events are never reordered (the rest of the outbox flows);
 * - a failed publish backs off exponentially, with jitter per row, so a
 *   broken transport sees no retry storm;
 * - an empty outbox is polled ever more slowly (up to `idleMs.max`) unless
 *   `wake()` says there is news; with `heartbeatMs` (every insert wakes the
 *   relay: the outbox's NOTIFY), only at that slow heartbeat;
 * - `stop()` waits for the batch in flight, so SIGTERM loses nothing;
 * - when the queue is a table of the same database (`npm start`), the
 *   claim, the queueing and the mark are one statement instead of three
 *   round trips and three commits: it commits whole or not at all, so the
 *   lease, the fence and the back-off have nothing to guard.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { db, transport, logger } = options;
  const batchSize = options.batchSize ?? 50;
  const leaseSeconds = options.leaseSeconds ?? 30;
  const renewEveryMs = options.renewEveryMs ?? (leaseSeconds * 1000) / 3;
  const idle = options.idleMs ?? { min: 50, max: 2000 };
  const backoff = options.backoffSeconds ?? { first: 0.5, max: 300 };
  const relayId = `relay-${randomUUID()}`;
  const leaseEnd = sql`now() + make_interval(secs => ${leaseSeconds})`;

  /** Publishable rows, oldest first, none behind an earlier unpublished row of its key; locked, others skipped. */
  const pending = () =>
    db
      .select({ seq: outbox.seq })
      .from(outbox)
      .where(
        sql`${outbox.publishedAt} is null
          and ${outbox.nextAttemptAt} <= now()
          and (${outbox.claimedUntil} is null or ${outbox.claimedUntil} < now())
          and not exists (
            select 1 from ${outbox} as earlier
            where earlier.key = ${outbox.key} and earlier.seq < ${outbox.seq} and earlier.published_at is null
          )`,
      )
      .orderBy(outbox.seq)
      .limit(batchSize)
      .for('update', { skipLocked: true });

  async function claim(token: string) {
    const rows = await db
      .update(outbox)
      .set({ claimedBy: token, claimedUntil: leaseEnd, attempts: sql`${outbox.attempts} + 1` })
      .where(inArray(outbox.seq, pending()))
      .returning();
    return rows.sort((a, b) => a.seq - b.seq);
  }

  const direct = options.transport.queueInDatabase?.db === db ? options.transport.queueInDatabase : undefined;

  /**
   * The queue is a table of this database: the batch is marked published and
   * queued in one statement, so it commits whole or not at all and needs no
   * lease. The envelope is built as `toEnvelope` builds it; the queue keeps
   * one copy per event id, as `publish` does.
   */
  async function moveToQueue(queue: string, wake: () => void): Promise<number> {
    const rows = await sqlRows<{
      seq: number | string;
      id: string;
      type: string;
      version: number;
      key: string;
      payload: unknown;
      occurred_at: string;
      traceparent: string | null;
      tracestate: string | null;
    }>(
      db,
      sql`
      with batch as (${pending()}),
      moved as (
        update ${outbox} as o
           set published_at = now(), claimed_by = null, claimed_until = null, last_error = null,
               attempts = o.attempts + 1
          from batch where o.seq = batch.seq
        returning o.seq, o.id, o.type, o.version, o.key, o.payload, o.traceparent, o.tracestate,
                  to_char(o.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at
      ),
      queued as (
        insert into ${queueMessages} (id, queue, body)
        select id, ${queue},
               jsonb_build_object('id', id, 'type', type, 'version', version, 'key', key, 'payload', payload,
                 'occurredAt', occurred_at)
               || case when traceparent is null then '{}'::jsonb else jsonb_build_object('traceparent', traceparent) end
               || case when tracestate is null then '{}'::jsonb else jsonb_build_object('tracestate', tracestate) end
          from moved
        on conflict do nothing
      )
      select seq, id, type, version, key, payload, occurred_at, traceparent, tracestate from moved`,
    );
    if (rows.length === 0) return 0;
    wake();
    const envelopes = rows
      .map((row) => ({ ...row, seq: Number(row.seq), createdAt: new Date(row.occurred_at) }))
      .sort((a, b) => a.seq - b.seq)
      .map(toEnvelope);
    // The relay's hop in each trace, as around a publish (this one already happened).
    startPublishSpans(envelopes).end();
    const publishedAt = Date.now();
    for (const envelope of envelopes) metrics.observe('RelayLag', publishedAt - Date.parse(envelope.occurredAt));
    return rows.length;
  }

  /**
   * Renews the claim's lease every `renewEveryMs` until released. The signal
   * aborts when a renewal finds a row no longer under this claim. A renewal
   * that cannot reach the database changes nothing: if the lease then runs
   * out, the fenced mark tells.
   */
  function holdLease(ours: SQL | undefined, count: number) {
    const lost = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    let released = false;
    const schedule = () => {
      if (!released) timer = setTimeout(renew, renewEveryMs);
    };
    async function renew() {
      try {
        const renewed = await db
          .update(outbox)
          .set({ claimedUntil: leaseEnd })
          .where(ours)
          .returning({ seq: outbox.seq });
        if (renewed.length < count && !released) {
          lost.abort(new LeaseLostError('the outbox lease ran out and another relay claimed the batch'));
          return;
        }
      } catch (error) {
        logger.warn({ err: error }, 'outbox relay could not renew its lease');
      }
      schedule();
    }
    schedule();
    return {
      signal: lost.signal,
      release() {
        released = true;
        clearTimeout(timer);
      },
    };
  }

  // A publish failed, or a lease was lost: rows wait for a back-off that no insert will announce.
  let troubled = false;

  async function runOnce(): Promise<number> {
    if (direct) return moveToQueue(direct.queue, direct.wake);
    const token = `${relayId}/${randomUUID()}`;
    const rows = await claim(token);
    if (rows.length === 0) return 0;
    const seqs = rows.map((row) => row.seq);
    const envelopes: Envelope[] = rows.map(toEnvelope);
    // The fence: a row is still this claim's only while its token is there (and it is not yet published).
    const ours = and(inArray(outbox.seq, seqs), eq(outbox.claimedBy, token), isNull(outbox.publishedAt));
    const lease = holdLease(ours, rows.length);
    const publishing = startPublishSpans(envelopes);
    try {
      try {
        await transport.publish(envelopes, { signal: lease.signal });
        publishing.end();
      } catch (error) {
        publishing.end(error);
        const lost = lease.signal.aborted;
        const cause = lost ? lease.signal.reason : error;
        const message = cause instanceof Error ? cause.message : String(cause);
        troubled = true;
        if (lost) logger.warn({ events: rows.length }, 'outbox lease lost mid-publish; publish stopped');
        else logger.warn({ err: error, events: rows.length }, 'outbox publish failed; backing off');
        await db
          .update(outbox)
          .set({
            claimedBy: null,
            claimedUntil: null,
            lastError: message.slice(0, 1000),
            // 0.5 s, 1 s, 2 s … up to 5 min by default, each row with its own jitter (half to all of it)
            nextAttemptAt: sql`now() + make_interval(secs => least(${backoff.max}, ${backoff.first} * power(2, ${outbox.attempts} - 1)) * (0.5 + random() / 2))`,
          })
          .where(ours);
        return 0;
      }
      const marked = await db
        .update(outbox)
        .set({ publishedAt: sql`now()`, claimedBy: null, claimedUntil: null, lastError: null })
        .where(ours)
        .returning({ seq: outbox.seq });
      const publishedAt = Date.now();
      for (const row of rows) metrics.observe('RelayLag', publishedAt - row.createdAt.getTime());
      if (marked.length < rows.length) {
        // Another relay claimed these after our lease ran out and publishes them again (at least once).
        logger.warn(
          { events: rows.length, marked: marked.length },
          'outbox lease ran out before the batch was marked; another relay publishes it again',
        );
      }
      return marked.length;
    } finally {
      lease.release();
    }
  }

  let idleMs = idle.min;
  const loop = createBackgroundLoop(async () => {
    let published = 0;
    let failed = false;
    try {
      published = await runOnce();
    } catch (error) {
      failed = true;
      logger.error({ err: error }, 'outbox relay failed to claim or mark a batch');
    }
    if (published === batchSize) return 0;
    if (published > 0) {
      troubled = false;
      // Rows held back behind this batch's (one key's later events) are claimable now.
      idleMs = idle.min;
      return idleMs;
    }
    if (options.heartbeatMs !== undefined && !troubled && !failed) return options.heartbeatMs;
    idleMs = Math.min(idle.max, idleMs * 2);
    return idleMs;
  });

  return { runOnce, start: loop.start, wake: loop.wake, stop: loop.stop };
}
