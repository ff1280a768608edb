import type { DatabaseOrTransaction } from '../../platform/db/database.js';
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
