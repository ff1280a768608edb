import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm start` as a user meets it: a real process, its output, its exit code
 * and its signals. Runs on PGlite with a data folder of its own.
 */
const entry = join(import.meta.dirname, '../src/entry/local.ts');

type Run = { child: ChildProcess; output: () => string; exit: Promise<number | null> };

function start(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', KURA_WEB_DIST: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  return { child, output: () => output, exit };
}

async function waitFor(run: Run, text: string, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!run.output().includes(text)) {
    if (run.child.exitCode !== null) throw new Error(`exited before "${text}":\n${run.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}":\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'kura-start-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

// Each test starts Node with tsx: seconds on a quiet machine, far more on a loaded shared runner.
describe('npm start refuses to run, in one line naming the problem', { timeout: 120_000 }, () => {
  it('for a bad environment value', async () => {
    const run = start({ PORT: 'abc' });
    expect(await run.exit).toBe(1);
    expect(run.output().trim()).toBe('kura start: PORT must be a number (got "abc")');
  });

  it('for a port in use', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const run = start({ PORT: String(port), KURA_EPHEMERAL: 'true' });
      expect(await run.exit).toBe(1);
      expect(run.output().trim().split('\n').at(-1)).toBe(
        `kura start: Port ${port} on 127.0.0.1 is already in use; stop the other process or set PORT to a free port`,
      );
    } finally {
      blocker.close();
    }
  });

  it('for a data folder it cannot write', async () => {
    const file = join(scratch, 'a-file');
    await writeFile(file, 'not a folder');
    const run = start({ PORT: String(await freePort()), KURA_DATA_DIR: join(file, 'data') });
    expect(await run.exit).toBe(1);
    expect(run.output().trim().split('\n').at(-1)).toBe(
      `kura start: Data directory ${join(file, 'data', 'pg')} is not writable (ENOTDIR); set KURA_DATA_DIR to a writable folder`,
    );
  });
});

describe('npm start and Ctrl-C', () => {
  it('finishes in-flight requests on SIGTERM, closes the database cleanly, and the next start finds it intact', async () => {
    const port = await freePort();
    const env = { PORT: String(port), KURA_DATA_DIR: join(scratch, 'data') };
    const first = start(env);
    await waitFor(first, 'Kura is ready at');
    expect(first.output()).toContain('demo data loaded: 200 products');
    const base = `http://127.0.0.1:${port}`;

    // A large response still streaming when the signal arrives must complete.
    const inFlight = await fetch(`${base}/api/docs/scalar.js`);
    const expected = Number(inFlight.headers.get('content-length'));
    const reader = inFlight.body?.getReader();
    const firstChunk = await reader?.read();
    first.child.kill('SIGTERM');
    let received = firstChunk?.value?.byteLength ?? 0;
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
      received += chunk.value.byteLength;
    }
    expect(received).toBe(expected);
    expect(await first.exit).toBe(0);

    const second = start(env);
    await waitFor(second, 'Kura is ready at');
    expect(second.output()).toContain('demo data already present');
    const categories = (await (await fetch(`${base}/api/categories`)).json()) as { items: { productCount: number }[] };
    expect(categories.items.reduce((sum, c) => sum + c.productCount, 0)).toBe(200);
    second.child.kill('SIGINT');
    expect(await second.exit).toBe(0);
  }, 540_000);
});
