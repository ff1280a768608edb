import { getTableColumns } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../platform/db/database.js';
import { newestFirst } from '../../platform/db/newest-first.js';
import { auditLog } from './schema.js';

export type AuditEntry = {
  actorId: string | null;
  action: string;
  subjectType: 'user' | 'service_token';
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

/** Newest first, keyset-paginated. */
export async function listAuditLog(db: DatabaseOrTransaction, params: { cursor?: string | undefined; limit: number }) {
  const paging = newestFirst({ at: auditLog.at, id: auditLog.id }, params.cursor);
  const rows = await db
    .select({ ...getTableColumns(auditLog), sortKey: paging.sortKey })
    .from(auditLog)
    .where(paging.after)
    .orderBy(...paging.orderBy)
    .limit(params.limit + 1);
  return paging.page(rows, params.limit);
}
