import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../../test/test-app.js';
import type { DatabaseHandle } from '../../../../platform/db/database.js';
import { localCredentials, localProviderState } from '../../schema.js';
import { authenticateAccount, createAccount, findAccount } from './account-store.js';
import { demoPassword, seedDemoAccounts } from './demo-accounts.js';
import { verifyPassword } from './password-hash.js';
import { loadProviderKeys } from './provider-keys.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('the local account store', () => {
  it('stores a hash that verifies, never the password', async () => {
    const result = await createAccount(database.db, {
      email: ' Hana@Example.test ',
      password: 'plum blossom 2024',
      displayName: '花',
      groups: ['customer'],
    });
    expect(result.created).toBe(true);
    const [row] = await database.db
      .select()
      .from(localCredentials)
      .where(sql`lower(${localCredentials.email}) = 'hana@example.test'`);
    expect(row?.passwordHash).not.toContain('plum blossom 2024');
    expect(row?.passwordHash.startsWith('$scrypt$')).toBe(true);
    expect(await verifyPassword('plum blossom 2024', row?.passwordHash ?? '')).toBe(true);
    expect(row?.email).toBe('Hana@Example.test');
  });

  it('refuses a second account for the same email in another case', async () => {
    const again = await createAccount(database.db, {
      email: 'HANA@example.TEST',
      password: 'another password',
      displayName: '',
      groups: ['admin'],
    });
    expect(again).toEqual({ created: false, reason: 'email-taken' });
  });

  it('authenticates by email in any case and the right password; not a wrong one, an unknown email, a disabled account', async () => {
    const account = await authenticateAccount(database.db, {
      email: 'hana@EXAMPLE.test',
      password: 'plum blossom 2024',
    });
    expect(account).toMatchObject({ email: 'Hana@Example.test', displayName: '花', groups: ['customer'] });
    expect(await authenticateAccount(database.db, { email: 'hana@example.test', password: 'plum' })).toBeUndefined();
    expect(await authenticateAccount(database.db, { email: 'nobody@example.test', password: 'x' })).toBeUndefined();
    expect(await findAccount(database.db, account?.subject ?? '')).toMatchObject({ email: 'Hana@Example.test' });
    expect(await findAccount(database.db, 'not-a-uuid')).toBeUndefined();

    await database.db
      .update(localCredentials)
      .set({ disabledAt: new Date() })
      .where(eq(localCredentials.subject, account?.subject ?? ''));
    expect(
      await authenticateAccount(database.db, { email: 'hana@example.test', password: 'plum blossom 2024' }),
    ).toBeUndefined();
    expect(await findAccount(database.db, account?.subject ?? '')).toBeUndefined();
  });

  it('creates the demo accounts once, and leaves a changed one alone', async () => {
    expect(await seedDemoAccounts(database.db)).toEqual({ created: 3 });
    const admin = await authenticateAccount(database.db, { email: 'admin@kura.local', password: demoPassword });
    expect(admin?.groups).toEqual(['admin']);
    await database.db
      .update(localCredentials)
      .set({ passwordHash: 'changed' })
      .where(eq(localCredentials.email, 'staff@kura.local'));
    expect(await seedDemoAccounts(database.db)).toEqual({ created: 0 });
    const [staff] = await database.db
      .select()
      .from(localCredentials)
      .where(eq(localCredentials.email, 'staff@kura.local'));
    expect(staff?.passwordHash).toBe('changed');
  });
});

describe('the provider keys', () => {
  it('are made once and then read back; the public set has no private parts', async () => {
    const first = await loadProviderKeys(database.db);
    const second = await loadProviderKeys(database.db);
    expect(second).toEqual(first);
    expect(first.signing.keys[0]).toHaveProperty('d');
    expect(first.public.keys[0]).toEqual({
      kty: 'RSA',
      kid: first.signing.keys[0]?.kid,
      alg: 'RS256',
      use: 'sig',
      n: first.signing.keys[0]?.n,
      e: 'AQAB',
    });
    expect(first.cookies[0]?.length).toBeGreaterThanOrEqual(32);
    const rows = await database.db.select({ name: localProviderState.name }).from(localProviderState);
    expect(rows.map((r) => r.name).sort()).toEqual(['cookie-keys', 'signing-keys']);
  });
});
