import { join } from 'node:path';
import { z } from 'zod';
import { createOidcTestClient } from '../src/modules/identity/public.js';
import type { BenchDatabase } from './bench-database.js';
import { type Child, startChild } from './child-processes.js';
import { type LoadOptions, type Measurement, measure } from './load.js';

/**
 * What observability costs, and whether it leaks.
 *   1. Overhead: one scenario (a product search: a server span, its SQL spans, the HTTP metrics) against
 *      Kura with tracing and metrics off, then sampling 0 (entry spans recorded, not kept), then 1.0
 *      (everything kept); each ratio against off. Each mode is a fresh process on the same database.
 *   2. Memory: Kura's RSS and heap (GET /api/ops/process) before, during and after a bounded load — the
 *      synthetic shoppers (sign-ins, browsing, checkouts: the whole event flow) beside a product-search
 *      stream — with sampling 1.0, so every span, log line and metric lands in the in-memory stores.
 *      Flat means the stores' bounds hold: after the load, the heap is near where the stores filled up.
 */

export type StartedKura = { database: BenchDatabase; kura: Child; kuraUrl: string };
export type StartKura = (params: {
  purpose: string;
  env: Record<string, string>;
  database?: BenchDatabase;
}) => Promise<StartedKura>;

const modes = [
  { name: 'off', env: { KURA_OBSERVABILITY: 'off' } },
  { name: 'sampling 0', env: { KURA_TRACE_SAMPLE_RATIO: '0' } },
  { name: 'sampling 1.0', env: { KURA_TRACE_SAMPLE_RATIO: '1' } },
] as const;

export type OverheadRow = {
  mode: string;
  measurement: Measurement;
  vsOff: { reqPerSec: number; p99: number; cpuPerRequest: number | null };
};

const processSchema = z.object({
  memory: z.object({ rssBytes: z.number(), heapUsedBytes: z.number() }),
  stores: z.object({ spans: z.number(), spanBytes: z.number(), logLines: z.number(), metricSeries: z.number() }),
});
type ProcessFigures = z.infer<typeof processSchema>;
type MemorySample = {
  atS: number;
  rssMiB: number;
  heapMiB: number;
  spans: number;
  logLines: number;
  metricSeries: number;
};

export type MemoryReport = {
  minutes: number;
  before: MemorySample;
  samples: MemorySample[];
  after: MemorySample;
  peak: { rssMiB: number; heapMiB: number };
  /** After the load over the sample halfway through it (when the stores have filled): ~1 is flat. */
  growth: { rss: number; heap: number };
  shoppers: string;
};

const path = '/api/products?q=matcha';

export async function benchObservability(params: {
  startKura: StartKura;
  serverDir: string;
  benchDir: string;
  load: LoadOptions;
  memoryMinutes: number;
  say: (line: string) => void;
  stopped: () => boolean;
}): Promise<{ overhead: OverheadRow[]; memory: MemoryReport | undefined }> {
  const { say } = params;
  let database: BenchDatabase | undefined;
  // Two rounds, the second in reverse order (off, 0, 1.0, 1.0, 0, off): a machine that gets busier or
  // quieter during the run then weighs on every mode alike. Each mode's figures are the rounds' mean.
  const runs = new Map<string, Measurement[]>();
  for (const mode of [...modes, ...[...modes].reverse()]) {
    if (params.stopped()) break;
    const started = await params.startKura({
      purpose: 'observability',
      env: { ...mode.env, KURA_DEMO_DATA: 'true' },
      database,
    });
    database = started.database;
    say(`observability ${mode.name}: ${path} (${params.load.warmupS} s warm-up + ${params.load.durationS} s)`);
    const measurement = await measure(`${started.kuraUrl}${path}`, { ...params.load, pid: started.kura.process.pid });
    await started.kura.stop();
    runs.set(mode.name, [...(runs.get(mode.name) ?? []), measurement]);
  }
  const overhead: OverheadRow[] = [];
  for (const mode of modes) {
    const measured = runs.get(mode.name);
    if (!measured || measured.length === 0) continue;
    const measurement = meanOf(measured);
    const off = overhead[0]?.measurement ?? measurement;
    overhead.push({
      mode: mode.name,
      measurement,
      vsOff: {
        reqPerSec: round(measurement.reqPerSec / off.reqPerSec),
        p99: round(measurement.p99Ms / Math.max(off.p99Ms, 1)),
        cpuPerRequest:
          measurement.cpuMsPerRequest !== undefined && off.cpuMsPerRequest
            ? round(measurement.cpuMsPerRequest / off.cpuMsPerRequest)
            : null,
      },
    });
  }
  process.stdout.write(`\n${formatOverhead(overhead)}\n\n`);
  if (params.memoryMinutes <= 0 || params.stopped() || !database) return { overhead, memory: undefined };

  const { kura, kuraUrl } = await params.startKura({
    purpose: 'observability',
    env: { KURA_TRACE_SAMPLE_RATIO: '1', KURA_DEMO_DATA: 'true' },
    database,
  });
  // The local sign-in provider's issuer and redirect URIs are on localhost, not 127.0.0.1.
  const signInOrigin = kuraUrl.replace('127.0.0.1', 'localhost');
  const signIn = async () =>
    (await createOidcTestClient({ origin: signInOrigin }).signIn('staff@kura.local', 'kura-demo-1234')).access_token;
  let token = await signIn();
  const started = Date.now();
  const sample = async (): Promise<MemorySample> => {
    const look = () =>
      fetch(`${kuraUrl}/api/ops/process`, {
        headers: { Authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(10_000),
      });
    let response = await look();
    // A run longer than the access token's life signs in again.
    if (response.status === 401) {
      token = await signIn();
      response = await look();
    }
    if (!response.ok) throw new Error(`GET /api/ops/process: ${response.status}`);
    return toSample(processSchema.parse(await response.json()), (Date.now() - started) / 1000);
  };
  // The heap between collections wanders; the lowest of a few looks is what stays.
  const settled = async (looks: number) => {
    const taken: MemorySample[] = [];
    for (let i = 0; i < looks; i++) {
      taken.push(await sample());
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    return taken.reduce((low, s) => (s.heapMiB < low.heapMiB ? s : low));
  };
  const before = await settled(5);
  say(
    `memory: ${params.memoryMinutes} min of shoppers and searches; RSS ${before.rssMiB} MiB, heap ${before.heapMiB} MiB before`,
  );

  const shoppers = startChild({
    name: 'shoppers',
    args: [
      join(params.benchDir, 'shoppers.ts'),
      '--url',
      signInOrigin,
      '--users',
      '6',
      '--minutes',
      String(params.memoryMinutes),
      '--think-ms',
      '50',
      '--max-journeys',
      '10000',
    ],
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...(process.env.HOME ? { HOME: process.env.HOME } : {}) },
    cwd: params.serverDir,
  });
  const searches = measure(`${kuraUrl}${path}`, {
    connections: 2,
    durationS: Math.round(params.memoryMinutes * 60),
    warmupS: 0,
    pid: kura.process.pid,
  });
  const samples: MemorySample[] = [];
  const every = Math.min(30_000, Math.max(5_000, (params.memoryMinutes * 60_000) / 20));
  let done = false;
  void Promise.allSettled([shoppers.exited, searches]).then(() => {
    done = true;
  });
  while (!done && !params.stopped()) {
    await new Promise((resolve) => setTimeout(resolve, every));
    if (!done) samples.push(await sample());
  }
  await Promise.allSettled([shoppers.exited, searches]);
  const after = await settled(10);
  await kura.stop();

  // Halfway the stores have long filled up to their bounds: from there on, flat means no growth.
  const reference = samples[Math.floor(samples.length / 2)] ?? before;
  const memory: MemoryReport = {
    minutes: params.memoryMinutes,
    before,
    samples,
    after,
    peak: {
      rssMiB: Math.max(before.rssMiB, after.rssMiB, ...samples.map((s) => s.rssMiB)),
      heapMiB: Math.max(before.heapMiB, after.heapMiB, ...samples.map((s) => s.heapMiB)),
    },
    growth: { rss: round(after.rssMiB / reference.rssMiB), heap: round(after.heapMiB / reference.heapMiB) },
    shoppers: shoppers.output().trim().split('\n').slice(-12).join('\n'),
  };
  process.stdout.write(`\n${formatMemory(memory)}\n\n`);
  return { overhead, memory };
}

function meanOf(measured: Measurement[]): Measurement {
  const mean = (pick: (m: Measurement) => number) => measured.reduce((sum, m) => sum + pick(m), 0) / measured.length;
  const cpu = measured.map((m) => m.cpuMsPerRequest);
  return {
    reqPerSec: round(mean((m) => m.reqPerSec)),
    p50Ms: round(mean((m) => m.p50Ms)),
    p99Ms: round(mean((m) => m.p99Ms)),
    requests: Math.round(mean((m) => m.requests)),
    bytesPerResponse: Math.round(mean((m) => m.bytesPerResponse)),
    cpuMsPerRequest: cpu.every((c) => c !== undefined) ? round(mean((m) => m.cpuMsPerRequest ?? 0)) : undefined,
    failures: measured.reduce((sum, m) => sum + m.failures, 0),
  };
}

function toSample(figures: ProcessFigures, atS: number): MemorySample {
  const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
  return {
    atS: Math.round(atS),
    rssMiB: mib(figures.memory.rssBytes),
    heapMiB: mib(figures.memory.heapUsedBytes),
    spans: figures.stores.spans,
    logLines: figures.stores.logLines,
    metricSeries: figures.stores.metricSeries,
  };
}

function round(value: number): number {
  return Number(value.toFixed(3));
}

function formatOverhead(rows: OverheadRow[]): string {
  return [
    'observability overhead (GET /api/products?q=matcha; the mean of two rounds)',
    `${'mode'.padEnd(14)} ${'req/s'.padStart(8)} ${'p99 ms'.padStart(8)} ${'CPU/req'.padStart(9)} ${'req/s ÷ off'.padStart(12)} ${'CPU ÷ off'.padStart(10)}`,
    ...rows.map(
      (r) =>
        `${r.mode.padEnd(14)} ${r.measurement.reqPerSec.toFixed(0).padStart(8)} ${r.measurement.p99Ms.toFixed(0).padStart(8)} ${(r.measurement.cpuMsPerRequest?.toFixed(3) ?? '–').padStart(9)} ${r.vsOff.reqPerSec.toFixed(3).padStart(12)} ${(r.vsOff.cpuPerRequest?.toFixed(3) ?? '–').padStart(10)}`,
    ),
  ].join('\n');
}

function formatMemory(report: MemoryReport): string {
  const line = (label: string, s: MemorySample) =>
    `${label.padEnd(8)} ${String(s.atS).padStart(6)} s  RSS ${String(s.rssMiB).padStart(7)} MiB  heap ${String(s.heapMiB).padStart(7)} MiB  spans ${String(s.spans).padStart(6)}  log lines ${String(s.logLines).padStart(5)}  series ${s.metricSeries}`;
  return [
    `memory under ${report.minutes} min of load (sampling 1.0)`,
    line('before', report.before),
    ...report.samples.map((s) => line('', s)),
    line('after', report.after),
    `peak RSS ${report.peak.rssMiB} MiB, heap ${report.peak.heapMiB} MiB; after ÷ halfway: RSS ${report.growth.rss}, heap ${report.growth.heap}`,
    report.shoppers,
  ].join('\n');
}
