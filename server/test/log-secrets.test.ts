import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/modules/identity/adapters/local-oidc/account-store.js';
import { localCredentials, serviceTokens, users } from '../src/modules/identity/schema.js';
import { deliveryDateIn } from '../src/modules/ordering/delivery.js';
import { orders } from '../src/modules/ordering/schema.js';
import { serviceTokenPrefix } from '../src/platform/auth/authenticate.js';
import { createLogger } from '../src/platform/observability/logger.js';
import { asUser, demoProducts } from './shop-fixtures.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * A failed query must not put the values it carried in the logs: password
 * and token hashes, e-mails, shipping addresses. Each table below is made to
 * refuse every new row (a CHECK (false) constraint), then the real code path
 * that writes it runs: through the HTTP app and its error handler, or called
 * directly and logged as a caller would. The log must keep what an operator
 * needs (the SQL text, the SQLSTATE, the constraint) and none of the values.
 */
let t: TestApp;
// Signed in before any table refuses rows (a refused `users` insert would stop the sign-in itself).
let customer: Awaited<ReturnType<TestApp['signIn']>>;
let admin: Awaited<ReturnType<TestApp['signIn']>>;
const written: string[] = [];
const logger = createLogger({
  level: 'info',
  service: 'kura-test',
  destination: new Writable({
    write(chunk, _encoding, done) {
      written.push(String(chunk));
      done();
    },
  }),
});

beforeAll(async () => {
  t = await createTestApp({ demoData: true, logger });
  customer = await t.signIn();
  admin = await t.signIn({ role: 'admin' });
});
afterAll(async () => {
  await t?.close();
});

/** Every new row of `table` is refused with SQLSTATE 23514; PostgreSQL's `detail` then holds the whole row. */
async function refuseNewRows(table: typeof users | typeof serviceTokens | typeof localCredentials | typeof orders) {
  await t.database.db.execute(sql`alter table ${table} add constraint refuse_new_rows check (false) not valid`);
}

/** The log lines written since `from`, checked to carry the failure (not only a bare "500"). */
function failureLines(from: number) {
  const text = written.slice(from).join('');
  expect(text).toContain('refuse_new_rows');
  expect(text).toContain('23514');
  expect(text).toMatch(/insert into/);
  return text;
}

describe('a failed query in the logs', () => {
  it('omits a new account’s password hash and e-mail (the local provider’s account store)', async () => {
    await refuseNewRows(localCredentials);
    const from = written.length;
    const email = 'hidden.person@secret-mail.example';
    const err = await createAccount(t.database.db, {
      email,
      password: 'a long and secret password',
      displayName: 'Hidden Person',
      groups: ['customer'],
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    // The hash is only in the failed query's parameters: take it from there to search for it.
    const params = (err as { params?: unknown[] }).params ?? [];
    const hash = params.find((p): p is string => typeof p === 'string' && p.startsWith('$scrypt$'));
    expect(hash).toBeDefined();
    logger.error({ err }, 'sign-up failed');
    logger.error(err as Error);
    const text = failureLines(from);
    for (const secret of [hash ?? '$scrypt$', email, 'Hidden Person']) expect(text).not.toContain(secret);
    // Only the log's copy lost them: the caller's error is as it was.
    expect((err as { params?: unknown[] }).params).toContain(email);
  });

  it('omits a signing-in user’s e-mail (the 500 from the error handler)', async () => {
    await refuseNewRows(users);
    const from = written.length;
    const email = 'first.visit@secret-mail.example';
    await expect(t.signIn({ email })).rejects.toThrow(/sign-in failed: 500/);
    expect(failureLines(from)).not.toContain(email);
  });

  it('omits a checkout’s shipping address', async () => {
    await refuseNewRows(orders);
    const [item] = await demoProducts(t, 1);
    const from = written.length;
    const address = {
      postalCode: '100-0001',
      prefecture: '東京都',
      city: '千代田区',
      line1: 'Hidden Lane 42 Secret Building',
      name: 'Secret Recipient',
      phone: '03-9876-5432',
    };
    const response = await asUser(t, customer.headers).send(
      'POST',
      '/api/orders',
      {
        lines: [{ productId: item?.id, quantity: 1 }],
        shippingAddress: address,
        delivery: { date: deliveryDateIn(3, new Date()), slot: '午前中' },
      },
      { 'Idempotency-Key': crypto.randomUUID() },
    );
    expect(response.status).toBe(500);
    const text = failureLines(from);
    for (const secret of [address.line1, address.name, address.phone]) expect(text).not.toContain(secret);
  });

  it('omits a new service token’s hash and prefix', async () => {
    await refuseNewRows(serviceTokens);
    const from = written.length;
    const response = await asUser(t, admin.headers).send('POST', '/api/admin/service-tokens', {
      name: 'printer',
      scopes: ['orders:read'],
    });
    expect(response.status).toBe(500);
    const text = failureLines(from);
    expect(text).not.toContain(serviceTokenPrefix);
    // The hash: no long run of hex or base64url characters is left in the failure's lines.
    expect(text).not.toMatch(/[A-Za-z0-9_-]{40,}/);
  });

  it('omits the value a statement could not read (SQLSTATE class 22 quotes it in the message)', async () => {
    const from = written.length;
    const err = await t.database.db.execute(sql`select ${'secret-token-value'}::uuid`).then(
      () => undefined,
      (e: unknown) => e,
    );
    logger.error({ err }, 'lookup failed');
    const text = written.slice(from).join('');
    expect(text).toContain('22P02');
    expect(text).not.toContain('secret-token-value');
  });
});
