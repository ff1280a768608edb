import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseStartError, openDatabase } from './database.js';

// The CA bundle is read when the database opens, before any connection: these need no server.
// The handshake itself (trusted and untrusted) is proven against a TLS-only PostgreSQL in scripts/rehearse-deploy.mjs.
describe('DATABASE_CA_FILE', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kura-ca-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const open = (caFile: string) =>
    openDatabase({
      kind: 'postgres',
      connectionString: 'postgres://kura@127.0.0.1:1/kura',
      ssl: true,
      caFile,
      poolSize: 1,
    });

  it('that cannot be read stops the start with a line naming the variable and the file', async () => {
    const missing = join(dir, 'missing.pem');
    await expect(open(missing)).rejects.toThrow(DatabaseStartError);
    await expect(open(missing)).rejects.toThrow(`DATABASE_CA_FILE ${missing} cannot be read (ENOENT)`);
  });

  it('that holds no certificate stops the start too, rather than trusting nothing at the first query', async () => {
    const empty = join(dir, 'empty.pem');
    await writeFile(empty, 'not a certificate\n');
    await expect(open(empty)).rejects.toThrow(`DATABASE_CA_FILE ${empty} holds no PEM certificate`);
  });
});
