import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/platform/db/database.js';
import { applyMigrations } from '../src/platform/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/**
 * PGlite's initdb costs ~9 s; loading a dump costs ~1 s. So one migrated
 * database is made here and every test file starts from a copy of it.
 */
export default async function setup(project: TestProject) {
  const handle = await openDatabase({ kind: 'pglite', dataDir: undefined });
  await applyMigrations(handle);
  const client = (handle.db as unknown as { $client: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('gzip');
  await handle.close();
  const path = join(tmpdir(), `kura-pglite-template-${process.pid}.tgz`);
  await writeFile(path, new Uint8Array(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', path);
}
