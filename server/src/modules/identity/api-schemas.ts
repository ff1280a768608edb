import { z } from '@hono/zod-openapi';
import { roles, serviceScopes } from '../../platform/auth/principal.js';
import { userStatuses } from './schema.js';

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(roles),
    status: z.enum(userStatuses),
    timeZone: z.string().openapi({ example: 'Asia/Tokyo' }),
    locale: z.enum(['ja', 'en']),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('User');

export type User = z.infer<typeof userSchema>;

export function toUser(row: {
  id: string;
  email: string;
  displayName: string;
  role: User['role'];
  status: User['status'];
  timeZone: string;
  locale: User['locale'];
  createdAt: Date;
  updatedAt: Date;
}): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    status: row.status,
    timeZone: row.timeZone,
    locale: row.locale,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const userListSchema = z
  .object({ items: z.array(userSchema), nextCursor: z.string().nullable() })
  .openapi('UserList');

export const serviceTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'The first characters of the secret, to tell tokens apart' }),
    scopes: z.array(z.enum(serviceScopes)),
    createdBy: z.uuid(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .openapi('ServiceToken');

export type ServiceToken = z.infer<typeof serviceTokenSchema>;

export function toServiceToken(row: {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}): ServiceToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes.filter((s): s is ServiceToken['scopes'][number] =>
      (serviceScopes as readonly string[]).includes(s),
    ),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export const auditEntrySchema = z
  .object({
    id: z.uuid(),
    at: z.iso.datetime(),
    actorId: z.uuid().nullable(),
    /** The actor's email today (a deleted user's tombstone address once they are gone). */
    actorEmail: z.string().nullable(),
    action: z.string().openapi({ example: 'user.changed' }),
    subjectType: z.string(),
    subjectId: z.string(),
    /** For a user subject, their email today. */
    subjectEmail: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('AuditEntry');

export const auditLogSchema = z
  .object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() })
  .openapi('AuditLog');
