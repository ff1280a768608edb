import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { roles } from '../../platform/auth/principal.js';

/** The identity module owns the `identity` schema. */
export const identity = pgSchema('identity');

/** `deleted` is a tombstone: the record stays (anonymised) so a still-valid token cannot recreate the account. */
export const userStatuses = ['active', 'disabled', 'deleted'] as const;
export type UserStatus = (typeof userStatuses)[number];

export const users = identity.table(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The OIDC subject: Cognito's `sub`, or the local provider's account id. */
    subject: text('subject').notNull().unique(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull().default(''),
    role: text('role', { enum: roles }).notNull().default('customer'),
    status: text('status', { enum: userStatuses }).notNull().default('active'),
    timeZone: text('time_zone').notNull().default('Asia/Tokyo'),
    locale: text('locale', { enum: ['ja', 'en'] })
      .notNull()
      .default('ja'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('users_role_known', sql`${t.role} in ('customer', 'staff', 'admin')`),
    check('users_status_known', sql`${t.status} in ('active', 'disabled', 'deleted')`),
    check('users_locale_known', sql`${t.locale} in ('ja', 'en')`),
    index('users_email_idx').on(sql`lower(${t.email})`),
    index('users_created_idx').on(t.createdAt.desc(), t.id.desc()),
  ],
);

export const serviceTokens = identity.table('service_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** SHA-256 of the secret; the secret itself is shown once, at creation, and never stored. */
  tokenHash: text('token_hash').notNull().unique(),
  /** The first characters of the secret, so an admin can tell tokens apart. */
  prefix: text('prefix').notNull(),
  scopes: text('scopes').array().notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/** Append-only: rows are inserted, never updated or deleted (a trigger enforces it). */
export const auditLog = identity.table(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_log_at_idx').on(t.at.desc(), t.id.desc())],
);

/**
 * Accounts of the local OIDC provider (the embedded stand-in for Cognito).
 * Only that provider reads this table; the API knows users by their subject.
 */
export const localCredentials = identity.table(
  'local_credentials',
  {
    subject: uuid('subject').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    /** scrypt (node:crypto) in PHC string format; never logged, never returned. */
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull().default(''),
    /** Groups the provider puts in tokens (customer, staff, admin), as Cognito groups do. */
    groups: text('groups').array().notNull().default(sql`'{}'::text[]`),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('local_credentials_email_unique').on(sql`lower(${t.email})`)],
);

/** The local provider's own state that must survive restarts: its signing keys (JWKS) and cookie keys. */
export const localProviderState = identity.table('local_provider_state', {
  name: text('name').primaryKey(),
  value: jsonb('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
