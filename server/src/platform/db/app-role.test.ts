import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, databaseKind } from '../../../test/test-app.js';
import { loadConfig } from '../config/config.js';
import { grantAppRole } from './app-role.js';
import type { DatabaseHandle } from './database.js';

const adminUrl = () => {
  const config = loadConfig(process.env).database;
  if (config.kind !== 'postgres' || !config.connectionString) throw new Error('needs DATABASE_URL');
  return config.connectionString;
};

/**
 * Roles exist per server, not per database, and PGlite has one user: this runs on the real server
 * only, with a test role that may create roles (Aurora's master user may; `kura` here needs
 * CREATEROLE). Each run uses fresh role names and drops them afterwards.
 */
describe.skipIf(databaseKind === 'pglite')(
  'the app role: rows only, created by the migrate task (real PostgreSQL)',
  () => {
    let handle: DatabaseHandle;
    let databaseUrl: URL;
    const suffix = randomBytes(4).toString('hex');
    const role = `kura_app_${suffix}`;
    const clone = `${role}_clone`;
    const password = randomBytes(24).toString('hex');
    const clonePassword = randomBytes(24).toString('hex');

    const connectAs = async (user: string, pass: string) => {
      const { default: pg } = await import('pg');
      const url = new URL(databaseUrl);
      url.username = user;
      url.password = pass;
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      return client;
    };
    const admin = async () => {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: adminUrl() });
      await client.connect();
      return client;
    };

    beforeAll(async () => {
      const client = await admin();
      const { rows } = await client.query('select rolcreaterole from pg_roles where rolname = current_user');
      await client.end();
      if (!rows[0]?.rolcreaterole)
        throw new Error("the test role needs CREATEROLE (ALTER ROLE kura CREATEROLE), as Aurora's master user has");
      handle = await createTestDatabase();
      const result = await handle.db.execute(sql`select current_database() as name`);
      const [current] = z.object({ rows: z.array(z.object({ name: z.string() })).length(1) }).parse(result).rows;
      databaseUrl = new URL(adminUrl());
      databaseUrl.pathname = `/${current?.name}`;
    });
    afterAll(async () => {
      await handle?.close();
      const client = await admin();
      for (const name of [clone, role]) await client.query(`drop role if exists ${name}`);
      await client.end();
    });

    it('creates the login, which may read and write rows but not change the schema', async () => {
      await grantAppRole(handle.db, { role, login: { user: role, password } });
      const app = await connectAs(role, password);
      try {
        await app.query(`insert into catalog.categories (slug, name_ja, name_en) values ($1, '茶', 'Tea')`, [
          `tea-${suffix}`,
        ]);
        await app.query(`update catalog.categories set name_en = 'Green tea' where slug = $1`, [`tea-${suffix}`]);
        const deleted = await app.query('delete from catalog.categories where slug = $1', [`tea-${suffix}`]);
        expect(deleted.rowCount).toBe(1);
        const { rows } = await app.query('select count(*)::int as n from catalog.products');
        expect(rows[0]?.n).toBeGreaterThanOrEqual(0);
        const refused = async (statement: string) => {
          const err = await app.query(statement).then(
            () => undefined,
            (e: { code?: string }) => e,
          );
          return err?.code;
        };
        expect(await refused('create table catalog.intruder (id int)')).toBe('42501');
        expect(await refused('drop table catalog.products')).toBe('42501');
        expect(await refused('alter table catalog.products add column intruder int')).toBe('42501');
        expect(await refused('truncate catalog.products')).toBe('42501');
        expect(await refused('create table public.intruder (id int)')).toBe('42501');
        expect(await refused('select * from drizzle.__drizzle_migrations')).toBe('42501');
      } finally {
        await app.end();
      }
    });

    it("runs again without touching the login's password, and a rotation clone inherits the rows", async () => {
      await grantAppRole(handle.db, { role, login: { user: role, password: 'another-password-never-used' } });
      const again = await connectAs(role, password);
      await again.end();
      // Multi-user rotation's alternate user: created as a member of the role.
      await grantAppRole(handle.db, { role, login: { user: clone, password: clonePassword } });
      const alternate = await connectAs(clone, clonePassword);
      try {
        const { rows } = await alternate.query('select count(*)::int as n from catalog.products');
        expect(rows[0]?.n).toBeGreaterThanOrEqual(0);
      } finally {
        await alternate.end();
      }
    });

    it("a failure names the role and PostgreSQL's reason, never the password", async () => {
      const secret = randomBytes(24).toString('hex');
      const err = await grantAppRole(handle.db, {
        role: 'pg_bad_role_name',
        login: { user: 'pg_bad', password: secret },
      }).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(err?.message).toMatch(/granting the app role pg_bad_role_name failed: /);
      expect(`${err?.message} ${String(err?.stack)} ${JSON.stringify(err)}`).not.toContain(secret);
      expect(err?.cause).toBeUndefined();
    });
  },
);
