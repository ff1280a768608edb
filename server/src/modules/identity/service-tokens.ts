import { and, desc, eq, isNull } from 'drizzle-orm';
import { serviceTokenPrefix } from '../../platform/auth/authenticate.js';
import { hashBearerSecret as hashOf, newBearerSecret } from '../../platform/auth/bearer-secrets.js';
import type { ServicePrincipal, ServiceScope } from '../../platform/auth/principal.js';
import type { Database, DatabaseOrTransaction } from '../../platform/db/database.js';
import { recordAudit } from './audit-log.js';
import { serviceTokens } from './schema.js';

export type CreateServiceTokenParams = { name: string; scopes: readonly ServiceScope[]; createdBy: string };

/** Creates a token; the secret is returned here once and only its hash is kept. */
export async function createServiceToken(db: DatabaseOrTransaction, params: CreateServiceTokenParams) {
  const secret = newBearerSecret(serviceTokenPrefix);
  const [row] = await db
    .insert(serviceTokens)
    .values({
      name: params.name,
      tokenHash: hashOf(secret),
      prefix: secret.slice(0, serviceTokenPrefix.length + 6),
      scopes: [...params.scopes],
      createdBy: params.createdBy,
    })
    .returning();
  if (!row) throw new Error('service token insert returned nothing');
  return { token: row, secret };
}

export async function listServiceTokens(db: DatabaseOrTransaction) {
  return db.select().from(serviceTokens).orderBy(desc(serviceTokens.createdAt));
}

/** Revokes a live token; returns it, or undefined when there is no such live token. */
export async function revokeServiceToken(db: DatabaseOrTransaction, id: string) {
  const [row] = await db
    .update(serviceTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(serviceTokens.id, id), isNull(serviceTokens.revokedAt)))
    .returning();
  return row;
}

export async function resolveServiceToken(
  db: DatabaseOrTransaction,
  secret: string,
): Promise<ServicePrincipal | undefined> {
  const [row] = await db
    .update(serviceTokens)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(serviceTokens.tokenHash, hashOf(secret)), isNull(serviceTokens.revokedAt)))
    .returning({ id: serviceTokens.id, scopes: serviceTokens.scopes });
  return row ? { kind: 'service', tokenId: row.id, scopes: row.scopes } : undefined;
}

/** An admin issues a token: created and audited in one transaction. */
export async function issueServiceToken(db: Database, params: CreateServiceTokenParams) {
  return db.transaction(async (tx) => {
    const created = await createServiceToken(tx, params);
    await recordAudit(tx, {
      actorId: params.createdBy,
      action: 'service_token.created',
      subjectType: 'service_token',
      subjectId: created.token.id,
      after: { name: created.token.name, scopes: created.token.scopes },
    });
    return created;
  });
}

/** An admin revokes a token: revoked and audited in one transaction; undefined when no such live token. */
export async function withdrawServiceToken(db: Database, params: { actorId: string; tokenId: string }) {
  return db.transaction(async (tx) => {
    const revoked = await revokeServiceToken(tx, params.tokenId);
    if (!revoked) return undefined;
    await recordAudit(tx, {
      actorId: params.actorId,
      action: 'service_token.revoked',
      subjectType: 'service_token',
      subjectId: revoked.id,
      before: { revokedAt: null },
      after: { revokedAt: revoked.revokedAt?.toISOString() },
    });
    return revoked;
  });
}
