import { sql } from 'drizzle-orm';
import type { Database } from './database.js';

export type AppRoleParams = {
  /** The role that holds the running app's privileges (`kura_app`). */
  role: string;
  /**
   * The login the app's secret names now: `kura_app` itself, or the alternate user that
   * Secrets Manager's multi-user rotation creates as a member of it. Created with this password
   * only if it does not exist yet; an existing login's password belongs to the rotation.
   */
  login: { user: string; password: string };
};

/**
 * Least privilege for the running app: the migrations (this connection's user) own every
 * schema, table and function; the app's role may read and write rows and draw from sequences in
 * the schemas the migrations made, and nothing else (no DDL, no TRUNCATE, no ownership).
 * Idempotent: the migrate task runs it after every migration, so new tables are covered, and
 * default privileges cover tables a later migration adds before the next run.
 *
 * The values travel as transaction-local settings, never inside the SQL text; a failure is
 * reported with PostgreSQL's own message only, so the password cannot reach a log.
 */
export async function grantAppRole(db: Database, params: AppRoleParams): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('kura.app_role', ${params.role}, true),
        set_config('kura.app_login', ${params.login.user}, true),
        set_config('kura.app_password', ${params.login.password}, true)`);
      await tx.execute(sql.raw(grantStatement));
    });
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
    const message = cause instanceof Error ? cause.message : 'unknown error';
    throw new Error(`granting the app role ${params.role} failed: ${message}`);
  }
}

const grantStatement = `
DO $grant$
DECLARE
  app_role text := current_setting('kura.app_role');
  app_login text := current_setting('kura.app_login');
  owned text;
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = app_login) THEN
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', app_login, current_setting('kura.app_password'));
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = app_role) THEN
    EXECUTE format('CREATE ROLE %I NOLOGIN', app_role);
  END IF;
  IF app_login <> app_role THEN
    EXECUTE format('GRANT %I TO %I', app_role, app_login);
  END IF;
  -- The schemas the migrations made, and public; never drizzle's own bookkeeping.
  FOR owned IN
    SELECT nspname FROM pg_namespace
    WHERE (nspowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) OR nspname = 'public')
      AND nspname <> 'drizzle' AND nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
  LOOP
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', owned, app_role);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', owned, app_role);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', owned, app_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', owned, app_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I', owned, app_role);
  END LOOP;
END
$grant$`;
