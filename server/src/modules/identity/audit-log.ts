import { eq, getTableColumns, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DatabaseOrTransaction } from '../../platform/db/database.js';
import { keyset, newestFirst } from '../../platform/db/keyset.js';
import { auditLog, users } from './schema.js';

export type AuditEntry = {
  actorId: string | null;
  action: string;
  subjectType: 'user' | 'service_token' | 'dead_letter' | 'telemetry_device' | 'fault_switch';
  subjectId: string;
  before?: unknown;
  after?: unknown;
};

/** Records who changed what; call it in the same transaction as the change. */
export async function recordAudit(db: DatabaseOrTransaction, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

const actors = alias(users, 'actor');
const subjects = alias(users, 'subject_user');

/**
 * Newest first, keyset-paginated, with the actor's and (for users) the
 * subject's current email, so people read names rather than ids.
 */
export async function listAuditLog(db: DatabaseOrTransaction, params: { cursor?: string | undefined; limit: number }) {
  const paging = keyset(newestFirst(auditLog.at, auditLog.id), params.cursor);
  const rows = await db
    .select({
      ...getTableColumns(auditLog),
      actorEmail: actors.email,
      subjectEmail: subjects.email,
      ...paging.select,
    })
    .from(auditLog)
    .leftJoin(actors, eq(actors.id, auditLog.actorId))
    // Subject ids are text (tokens, users…); only a user's is a uuid to join on.
    .leftJoin(
      subjects,
      eq(subjects.id, sql`case when ${auditLog.subjectType} = 'user' then ${auditLog.subjectId}::uuid end`),
    )
    .where(paging.after)
    .orderBy(...paging.orderBy)
    .limit(params.limit + 1);
  return paging.page(rows, params.limit);
}
