import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../../../../test/test-app.js';
import type { DatabaseHandle } from '../../../../platform/db/database.js';
import { createRateLimiter } from '../../../../platform/http/rate-limiter.js';
import { createLogger } from '../../../../platform/observability/logger.js';
import { createAccount } from './account-store.js';
import { emailHashOf } from './interactions.js';
import { type LocalProvider, startLocalProvider } from './local-provider.js';
import { createOidcTestClient } from './oidc-test-client.js';

// Sign-ins hash with scrypt on purpose (~0.3–0.6 s each on a quiet machine); a loaded CI runner needs room.
vi.setConfig({ testTimeout: 120_000 });

/**
 * Failed sign-ins and lockouts reach the security log, read here as the JSON
 * lines the logger writes: the address only as a hash, never the password.
 */
const lines: string[] = [];
const logger = createLogger({ level: 'info', service: 'kura-test', destination: { write: (l) => lines.push(l) } });
const email = 'Hanako.Yamada@example.test';
const password = 'the right password';
let database: DatabaseHandle;
let provider: LocalProvider;
let server: Server;
let origin: string;

beforeAll(async () => {
  database = await createTestDatabase();
  server = createServer((req, res) => provider.handle(req, res)).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  provider = await startLocalProvider({
    db: database.db,
    origin,
    audience: 'kura-api',
    logger,
    demoAccounts: false,
    limits: { failedSignIns: createRateLimiter({ limit: 2, windowMs: 15 * 60_000 }) },
  });
  await createAccount(database.db, { email, password, displayName: '山田 花子', groups: ['customer'] });
});
afterAll(async () => {
  server?.close();
  provider?.close();
  await database?.close();
});

const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
const withMessage = (msg: string) => logged().filter((entry) => entry.msg === msg);

it('logs failed sign-ins and the lockout with a hash of the address, never the address or the password', async () => {
  const client = createOidcTestClient({ origin, acceptLanguage: 'en' });
  const { uid } = await client.authorize();
  const signIn = (address: string, secret: string) =>
    client.request(`/oidc/interaction/${uid}/login`, client.form({ email: address, password: secret }));

  expect((await signIn(' hanako.yamada@EXAMPLE.test', 'wrong-secret-1')).status).toBe(200);
  expect((await signIn(email, 'wrong-secret-2')).status).toBe(200);
  expect((await signIn(email, password)).status).toBe(429);
  expect((await signIn('nobody@example.test', 'wrong-secret-3')).status).toBe(200);

  const hash = emailHashOf(email);
  expect(hash).toMatch(/^[0-9a-f]{16}$/);
  expect(withMessage('local provider: sign-in failed').map((e) => e.emailHash)).toEqual([
    hash,
    hash,
    emailHashOf('nobody@example.test'),
  ]);
  const [lockout] = withMessage('local provider: sign-in locked out');
  expect(lockout).toMatchObject({ level: 'warn', emailHash: hash, ip: '127.0.0.1' });
  expect(Number(lockout?.retryAfterSeconds)).toBeGreaterThan(0);
  expect(withMessage('local provider: sign-in refused, too many attempts')).toEqual([
    expect.objectContaining({ emailHash: hash, ip: '127.0.0.1' }),
  ]);

  const everything = lines.join('\n').toLowerCase();
  for (const secret of [email, 'example.test', 'nobody@', password, 'wrong-secret']) {
    expect(everything, secret).not.toContain(secret.toLowerCase());
  }
});
