import { desc, getTableColumns, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../platform/db/database.js';
import { decodeCursor, encodeCursor, instantKeyFormat } from '../../platform/http/cursor.js';
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
  const cursor = params.cursor ? decodeCursor(params.cursor, 'newest', ['instant']) : undefined;
  const rows = await db
    .select({
      ...getTableColumns(auditLog),
      sortKey: sql<string>`to_char(${auditLog.at} at time zone 'UTC', ${instantKeyFormat})`,
    })
    .from(auditLog)
    .where(
      cursor
        ? sql`(${auditLog.at} < (cast(${cursor.k[0]} as timestamp) at time zone 'UTC') or (${auditLog.at} = (cast(${cursor.k[0]} as timestamp) at time zone 'UTC') and ${auditLog.id} < ${cursor.id}))`
        : undefined,
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(params.limit + 1);
  const page = rows.slice(0, params.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > params.limit && last ? encodeCursor({ s: 'newest', k: [last.sortKey], id: last.id }) : null;
  return { items: page.map(({ sortKey: _, ...entry }) => entry), nextCursor };
}
