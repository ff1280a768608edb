import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../../platform/config/config.js';
import { type RunningServer, startServer } from '../../../../server.js';
import { demoPassword } from './demo-accounts.js';
import { createOidcTestClient } from './oidc-test-client.js';

// Sign-ins hash with scrypt on purpose (~0.3–0.6 s each on a quiet machine); a loaded CI runner needs room.
vi.setConfig({ testTimeout: 120_000 });

/** Keys and accounts are in PostgreSQL: a restart on the same data folder keeps both. */
const scratch = await mkdtemp(join(tmpdir(), 'kura-provider-restart-'));
let running: RunningServer | undefined;
afterAll(async () => {
  await running?.stop();
  await rm(scratch, { recursive: true, force: true });
});

async function start(port: number): Promise<RunningServer> {
  const config = loadConfig({
    KURA_DATA_DIR: scratch,
    PORT: String(port),
    LOG_LEVEL: 'silent',
    KURA_WEB_DIST: '/nonexistent',
    KURA_DEMO_DATA: 'false',
  });
  const server = await startServer({ config, migrate: true, progress: () => {} });
  await server.ready;
  return server;
}

it('keeps its signing keys and accounts across a restart: a token issued before still works after', async () => {
  // The issuer contains the port, so both starts use the same one.
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => probe.close(resolve));

  running = await start(port);
  const origin = running.url;
  const jwksBefore = await (await fetch(`${origin}/oidc/jwks`)).json();
  const email = `restart-${Date.now()}@example.test`;
  const client = createOidcTestClient({ origin });
  const { uid, verifier } = await client.authorize();
  const { callback } = await client.submit(`/oidc/interaction/${uid}/signup`, { email, password: 'survives restarts' });
  const tokens = await client.exchange(callback as URL, verifier);
  await running.stop();

  running = await start(port);
  expect(await (await fetch(`${origin}/oidc/jwks`)).json()).toEqual(jwksBefore);
  const me = await fetch(`${origin}/api/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
  expect(me.status).toBe(200);
  expect(await me.json()).toMatchObject({ email, role: 'customer' });
  // The account survived too; the demo accounts were not created twice.
  const again = await createOidcTestClient({ origin }).signIn(email, 'survives restarts');
  expect((await fetch(`${origin}/api/me`, { headers: { authorization: `Bearer ${again.access_token}` } })).status).toBe(
    200,
  );
  const admin = await createOidcTestClient({ origin }).signIn('admin@kura.local', demoPassword);
  expect(admin.access_token).toBeTruthy();
}, 120_000);
