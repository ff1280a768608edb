import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { z } from 'zod';
import { type BenchDatabase, benchServerUrl, createBenchDatabase, dropBenchDatabases } from './bench-database.js';
import { captureProductSearches } from './capture-product-sql.js';
import { type Child, killAllChildrenNow, runToCompletion, startChild, stopAllChildren } from './child-processes.js';
import { type LoadOptions, measure, stopLoad } from './load.js';
import { benchObservability } from './observability.js';
import { benchOrderFlow } from './order-flow.js';
import { formatFlows, formatTable, type ScenarioResult, writeResults } from './report.js';
import { benchTelemetry } from './telemetry.js';

/**
 * `npm run bench`: Kura against bare node:http baselines started in the same
 * run, on 127.0.0.1 only, each server in its own process so none shares the
 * load generator's event loop.
 *   1. GET /health — Kura vs a raw node:http server with the same body.
 *   2. GET /api/products?q=<term> — Kura on PostgreSQL vs node:http + pg
 *      replaying the SQL Kura runs for that request.
 *   3. The order flow (order-flow.ts): hot-SKU checkout to confirmed, and
 *      relay + consumer events per second, each against pgbench.
 * Prints a table, writes bench/results/latest.json, and stops every process it
 * started, also on failure and Ctrl-C.
 */

const benchDir = dirname(fileURLToPath(import.meta.url));
const serverDir = resolve(benchDir, '..');
const resultsFile = join(benchDir, 'results', 'latest.json');

const optionsSchema = z.object({
  connections: z.coerce.number().int().min(1).max(100),
  duration: z.coerce.number().int().min(1).max(60),
  warmup: z.coerce.number().int().min(0).max(30),
  terms: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((term) => term.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(100)).min(1).max(5)),
  ordersOnly: z.boolean(),
  telemetryOnly: z.boolean(),
  httpOnly: z.boolean(),
  /** Where Kura's api process writes a V8 CPU profile (node --cpu-prof) when it stops; none if unset. */
  cpuProf: z.string().min(1).optional(),
  observabilityOnly: z.boolean(),
  memoryMinutes: z.coerce.number().min(0).max(60),
  serverUrl: z.url({
    protocol: /^postgres(ql)?$/,
    hostname: /^(127\.0\.0\.1|localhost)$/,
    error: 'BENCH_ADMIN_DATABASE_URL, DATABASE_URL or PGHOST/PGUSER must name a PostgreSQL server on 127.0.0.1',
  }),
});

const usage = `usage: npm run bench -- [--connections 10] [--duration 10] [--warmup 2] [--terms 純米,matcha] [--orders-only] [--telemetry-only] [--http-only]
       [--observability-only] [--memory-minutes 1]  (tracing/metrics overhead; memory under load for that long, 0: skip)
env: BENCH_ADMIN_DATABASE_URL, else DATABASE_URL, else PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE: a PostgreSQL
     server on 127.0.0.1 whose role may CREATEDB. Each run makes databases of its own (kura_bench_<purpose>_<pid>_<random>)
     and drops only those, also on failure and Ctrl-C.`;

function readOptions() {
  const { values } = parseArgs({
    options: {
      connections: { type: 'string', default: '10' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      terms: { type: 'string', default: '純米,matcha' },
      'orders-only': { type: 'boolean', default: false },
      'telemetry-only': { type: 'boolean', default: false },
      'http-only': { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
      'observability-only': { type: 'boolean', default: false },
      'memory-minutes': { type: 'string', default: '1' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  const parsed = optionsSchema.safeParse({
    ...values,
    ordersOnly: values['orders-only'],
    telemetryOnly: values['telemetry-only'],
    httpOnly: values['http-only'],
    cpuProf: values['cpu-prof'],
    observabilityOnly: values['observability-only'],
    memoryMinutes: values['memory-minutes'],
    serverUrl: benchServerUrl(process.env),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${String(issue?.path[0] ?? 'option')} ${issue?.message ?? 'is invalid'}\n${usage}`);
  }
  return parsed.data;
}

class UsageError extends Error {
  override name = 'UsageError';
}

const say = (line: string) => process.stderr.write(`bench: ${line}\n`);

// Cleanup runs once, whichever of success, failure or a signal gets there first.
let workDir: string | undefined;
let cleaning: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    stopLoad();
    await stopAllChildren();
    await dropBenchDatabases(say);
    if (workDir) await rm(workDir, { recursive: true, force: true });
  })();
  return cleaning;
}

let signals = 0;
function onSignal(signal: NodeJS.Signals) {
  signals++;
  if (signals > 1) {
    killAllChildrenNow();
    process.exit(130);
  }
  say(`${signal}: stopping every process the bench started…`);
  void cleanUp().finally(() => process.exit(130));
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('exit', killAllChildrenNow);

async function main(): Promise<void> {
  const options = readOptions();
  const load: LoadOptions = { connections: options.connections, durationS: options.duration, warmupS: options.warmup };
  const startedAt = new Date();
  workDir = await mkdtemp(join(tmpdir(), 'kura-bench-'));
  const others = options.ordersOnly || options.telemetryOnly || options.observabilityOnly;
  const results: ScenarioResult[] = others ? [] : await httpScenarios(options, load);

  const orderFlow =
    signals > 0 || options.telemetryOnly || options.observabilityOnly || options.httpOnly
      ? undefined
      : await benchOrderFlow({
          serverUrl: options.serverUrl,
          clients: options.connections,
          say,
        });
  const flows = orderFlow?.flows ?? [];
  if (orderFlow) process.stdout.write(`\n${formatFlows(flows, orderFlow.orderPath)}\n\n`);
  const telemetry =
    signals > 0 || options.ordersOnly || options.observabilityOnly || options.httpOnly
      ? undefined
      : await telemetryScenarios(options);
  if (telemetry) {
    process.stdout.write(
      `\n${formatFlows(telemetry.flows)}\n\ntelemetry: ${JSON.stringify(telemetry.notes, null, 2)}\n\n`,
    );
    flows.push(...telemetry.flows);
  }
  const observability =
    signals > 0 || options.ordersOnly || options.telemetryOnly || options.httpOnly
      ? undefined
      : await benchObservability({
          startKura: (params) => startKura({ serverUrl: options.serverUrl, demoData: true, ...params }),
          serverDir,
          benchDir,
          load,
          memoryMinutes: options.memoryMinutes,
          say,
          stopped: () => signals > 0,
        });
  await writeResults(resultsFile, {
    load,
    results,
    flows,
    orderPath: orderFlow?.orderPath,
    telemetry: telemetry?.notes,
    observability,
    startedAt,
  });
  say(`results written to ${resultsFile}`);
  const failed = results.filter((r) => r.kura.failures > 0 || r.base.failures > 0);
  if (failed.length > 0) {
    throw new Error(
      `errors or non-2xx answers under load in: ${failed.map((r) => r.name).join(', ')}; the figures are not comparable`,
    );
  }
}

/**
 * A fresh database, migrated, and Kura's api entry point on it in a process
 * of its own, ready (/ready waits for the database and demo data).
 */
async function startKura(params: {
  serverUrl: string;
  purpose: string;
  demoData: boolean;
  cpuProf?: string | undefined;
  /** More settings for this Kura (sampling…). */
  env?: Record<string, string>;
  /** A database an earlier Kura of this run migrated and filled: the next one starts on it as it is. */
  database?: BenchDatabase;
}) {
  if (!workDir) throw new Error('no work directory');
  const fresh = params.database === undefined;
  const database =
    params.database ?? (await createBenchDatabase({ serverUrl: params.serverUrl, purpose: params.purpose }));
  if (fresh) say(`fresh database ${database.name}`);
  const kuraEnv = {
    ...baseEnv(),
    KURA_PROFILE: 'local',
    DATABASE_URL: database.url,
    KURA_DATA_DIR: join(workDir, `kura-${params.purpose}`),
    LOG_LEVEL: 'silent',
    KURA_SHUTDOWN_TIMEOUT_MS: '2000',
  };
  if (fresh) {
    say('migrating');
    await runToCompletion({
      name: 'kura migrate',
      args: ['src/entry/migrate.ts'],
      env: kuraEnv,
      cwd: serverDir,
      timeoutMs: 60_000,
    });
  }
  say(`starting Kura (api entry point${params.demoData ? ', demo data' : ''})`);
  const kuraPort = await freePort();
  const kura = startChild({
    name: `kura ${params.purpose}`,
    args: [...(params.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${resolve(params.cpuProf)}`] : []), 'src/entry/api.ts'],
    env: {
      ...kuraEnv,
      HOST: '127.0.0.1',
      PORT: String(kuraPort),
      KURA_DEMO_DATA: String(params.demoData),
      // The telemetry bench's devices post back to back: load, not a sensor's pace.
      KURA_RATE_LIMIT_INGEST_PER_DEVICE_PER_MINUTE: '100000',
      ...params.env,
    },
    cwd: serverDir,
  });
  const kuraUrl = `http://127.0.0.1:${kuraPort}`;
  await waitUntilOk(kura, `${kuraUrl}/ready`, 180_000);
  return { database, kura, kuraUrl };
}

/** Telemetry ingest and range aggregate (bench/telemetry.ts) against a Kura of their own. */
async function telemetryScenarios(options: ReturnType<typeof readOptions>) {
  const { database, kura, kuraUrl } = await startKura({
    serverUrl: options.serverUrl,
    purpose: 'telemetry',
    demoData: false,
    cpuProf: options.cpuProf,
  });
  return benchTelemetry({
    databaseUrl: database.url,
    kuraUrl,
    kuraPid: kura.process.pid,
    devices: 8,
    batchesPerDevice: 25,
    aggregateRuns: 60,
    say,
  });
}

/** Kura's HTTP answers against bare node:http baselines, each server in a process of its own. */
async function httpScenarios(options: ReturnType<typeof readOptions>, load: LoadOptions): Promise<ScenarioResult[]> {
  if (!workDir) throw new Error('no work directory');
  const { database, kura, kuraUrl } = await startKura({
    serverUrl: options.serverUrl,
    purpose: 'api',
    demoData: true,
    cpuProf: options.cpuProf,
  });
  say('starting the raw node:http server');
  const rawPort = await freePort();
  const raw = startChild({
    name: 'raw http',
    args: [join(benchDir, 'raw-health-server.ts')],
    env: { ...baseEnv(), PORT: String(rawPort) },
    cwd: serverDir,
  });
  const rawUrl = `http://127.0.0.1:${rawPort}`;
  await waitUntilOk(raw, `${rawUrl}/health`, 30_000);
  await expectSameResponse(`${kuraUrl}/health`, `${rawUrl}/health`);

  say(`capturing the SQL Kura runs for ${options.terms.map((t) => `q=${t}`).join(', ')}`);
  const searches = await captureProductSearches({ databaseUrl: database.url, terms: options.terms, limit: 24 });
  const searchesFile = join(workDir, 'searches.json');
  await writeFile(searchesFile, JSON.stringify(searches));
  const barePort = await freePort();
  const bare = startChild({
    name: 'bare pg',
    args: [join(benchDir, 'bare-products-server.ts')],
    env: { ...baseEnv(), PORT: String(barePort), DATABASE_URL: database.url, BENCH_SEARCHES_FILE: searchesFile },
    cwd: serverDir,
  });
  const bareUrl = `http://127.0.0.1:${barePort}`;
  await waitUntilOk(bare, `${bareUrl}/health`, 30_000);
  for (const search of searches) {
    const path = productsPath(search.term);
    const items = await expectSameResponse(`${kuraUrl}${path}`, `${bareUrl}${path}`);
    say(`q=${search.term}: identical responses from both (${items} products)`);
  }

  const results: ScenarioResult[] = [];
  const compare = async (name: string, path: string, baseline: string, baseServer: Child, baseUrl: string) => {
    // Ctrl-C ends the run in progress; the signal handler is already cleaning up.
    if (signals > 0) return;
    say(`${name}: baseline (${load.warmupS} s warm-up + ${load.durationS} s × ${load.connections} connections)`);
    const base = await measure(`${baseUrl}${path}`, { ...load, pid: baseServer.process.pid });
    say(`${name}: Kura`);
    const measured = await measure(`${kuraUrl}${path}`, { ...load, pid: kura.process.pid });
    results.push({ name, baseline, kura: measured, base });
  };
  await compare('GET /health', '/health', 'raw node:http, same JSON body and content type', raw, rawUrl);
  for (const search of searches) {
    await compare(
      `GET /api/products?q=${search.term}`,
      productsPath(search.term),
      'node:http + pg Pool(10) running the same statement',
      bare,
      bareUrl,
    );
  }

  process.stdout.write(`\n${formatTable(results)}\n\n`);
  return results;
}

function productsPath(term: string): string {
  return `/api/products?q=${encodeURIComponent(term)}`;
}

/** Children get only what they need, so the caller's shell (OTEL_*, DATABASE_POOL_SIZE…) cannot skew a run. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
  if (process.env.HOME) env.HOME = process.env.HOME;
  return env;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

async function waitUntilOk(child: Child, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | string | undefined;
  void child.exited.then((code) => {
    exitCode = code;
  });
  while (Date.now() < deadline) {
    if (exitCode !== undefined)
      throw new Error(`${child.name} exited with ${exitCode} before it was ready:\n${child.output()}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      async (res) => {
        await res.arrayBuffer();
        return res.ok;
      },
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${child.name} was not ready at ${url} within ${timeoutMs / 1000} s:\n${child.output()}`);
}

/** Both servers must answer 200 with equal JSON and content type, or the comparison means nothing. Returns the item count. */
async function expectSameResponse(kuraUrl: string, baseUrl: string): Promise<number> {
  const [kura, base] = await Promise.all([fetch(kuraUrl), fetch(baseUrl)]);
  const [kuraBody, baseBody]: unknown[] = await Promise.all([kura.json(), base.json()]);
  const kuraType = kura.headers.get('content-type');
  const baseType = base.headers.get('content-type');
  if (kura.status !== 200 || base.status !== 200 || kuraType !== baseType || !isDeepStrictEqual(kuraBody, baseBody)) {
    throw new Error(
      `Kura and the baseline answer differently for ${new URL(kuraUrl).pathname}${new URL(kuraUrl).search}:\n` +
        `  Kura:     ${kura.status} ${kuraType} ${JSON.stringify(kuraBody).slice(0, 300)}\n` +
        `  baseline: ${base.status} ${baseType} ${JSON.stringify(baseBody).slice(0, 300)}`,
    );
  }
  const items = z.object({ items: z.array(z.unknown()) }).safeParse(kuraBody);
  return items.success ? items.data.items.length : 0;
}

try {
  await main();
  await cleanUp();
} catch (err) {
  // After Ctrl-C the signal handler reports and exits; a failure it caused is noise.
  if (signals === 0)
    process.stderr.write(
      `bench failed: ${err instanceof Error ? (err instanceof UsageError ? err.message : (err.stack ?? err.message)) : String(err)}\n`,
    );
  await cleanUp();
  process.exitCode = 1;
}
