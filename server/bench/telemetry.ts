import { cpus } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { z } from 'zod';
import { createOidcTestClient } from '../src/modules/identity/public.js';
import { createPostgresReadingsStore } from '../src/modules/telemetry/adapters/postgres-readings-store.js';
import { addDeviceKey } from '../src/modules/telemetry/device-keys.js';
import { createDevices } from '../src/modules/telemetry/devices.js';
import type { Database } from '../src/platform/db/database.js';
import type { FlowResult } from './order-flow.js';
import { processCpuMs } from './process-cpu.js';
import { benchDynamoDbWriteUnits, type WriteUnitsFigure } from './telemetry-dynamodb.js';

/**
 * Telemetry's two benchmarks against Kura's own api process (started by
 * run-bench.ts on a fresh database), each with its baseline in the same run:
 *   1. ingest: readings per second through POST /ingest/v1/readings, 500 a
 *      request, from several simulated devices at once; vs a text COPY of the
 *      same rows (same batches, same concurrency) from Node into the same table.
 *   2. range aggregate: 30 days of 1-minute readings summarised by the hour,
 *      p95 over HTTP; vs the same SQL (captured from Kura's adapter) run
 *      directly through pg.
 * and a cost figure: DynamoDB write units per reading (telemetry-dynamodb.ts).
 */

const batchSize = 500;
/** ThingsBoard CE on PostgreSQL, as its documentation quotes it: 5–10k data points per second. */
const thingsBoardPointsPerSecond = '5,000–10,000';

type Row = { ts: string; temperature: number; humidity: number; status: string };

export type TelemetryBenchOptions = {
  databaseUrl: string;
  /** Kura's origin as its local sign-in provider names itself (http://localhost:PORT). */
  kuraUrl: string;
  kuraPid: number | undefined;
  devices: number;
  batchesPerDevice: number;
  aggregateRuns: number;
  say: (line: string) => void;
};

export type TelemetryNotes = {
  ingest: {
    readings: number;
    httpReadingsPerSecond: number;
    copyReadingsPerSecond: number;
    ratio: number;
    /** HTTP vs COPY in each alternating round: the spread says how much the machine moved. */
    roundRatios: number[];
    kuraCpuMsPer1000: number | undefined;
    dataPointsPerSecondPerKuraCore: number | undefined;
    dataPointsPerSecondPerMachineCore: number;
    thingsBoard: string;
  };
  aggregate: {
    buckets: number;
    rows: number;
    kuraP95Ms: number;
    sqlP95Ms: number;
    ratio: number;
    /** Medians beside the p95: on a loaded machine the tail is mostly waiting for a core. */
    kuraP50Ms: number;
    sqlP50Ms: number;
    /** Kura's own CPU per request (what its answer costs beyond the SQL): steadier than latency. */
    kuraCpuMsPerRequest: number | undefined;
  };
  /** The DynamoDB adapter's cost: write units per reading, rollups included (telemetry-dynamodb.ts). */
  dynamodb: WriteUnitsFigure[];
};

function batchesFor(device: number, count: number, startMs: number): Row[][] {
  const batches: Row[][] = [];
  for (let b = 0; b < count; b++) {
    const rows: Row[] = [];
    for (let i = 0; i < batchSize; i++) {
      const n = b * batchSize + i;
      rows.push({
        ts: new Date(startMs + n * 1000).toISOString(),
        temperature: Math.round((4 + Math.sin(n / 600 + device) * 2 + (n % 7) * 0.05) * 100) / 100,
        humidity: Math.round((60 + Math.cos(n / 900 + device) * 8) * 10) / 10,
        status: n % 97 === 0 ? 'door_open' : 'ok',
      });
    }
    batches.push(rows);
  }
  return batches;
}

function copyText(deviceId: string, rows: readonly Row[]): string {
  let text = '';
  for (const r of rows) text += `${deviceId}\t${r.ts}\t${r.temperature}\t${r.humidity}\t${r.status}\n`;
  return text;
}

async function copyRows(client: pg.PoolClient, text: string): Promise<void> {
  const stream = client.query(
    copyFrom('copy telemetry.readings (device_id, ts, temperature, humidity, status) from stdin'),
  );
  await pipeline(
    (async function* () {
      yield text;
    })(),
    stream,
  );
}

/** [first, end) batch indices of each round; batch 0 is the warm-up. */
function ingestRounds(batchesPerDevice: number): [number, number][] {
  const perRound = 5;
  const rounds: [number, number][] = [];
  for (let first = 1; first <= batchesPerDevice; first += perRound)
    rounds.push([first, Math.min(first + perRound, batchesPerDevice + 1)]);
  return rounds;
}

function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))] ?? 0;
}

const p95 = (samples: number[]) => quantile(samples, 0.95);

const ingestAnswer = z.object({ accepted: z.number(), duplicates: z.number(), rejected: z.array(z.unknown()) });

/**
 * Kura's CPU time over the measured parts only, summed across calls: the COPY and SQL baselines run
 * between them in the same loop. Undefined once any reading is missing (not Linux, no pid).
 */
function kuraCpu(pid: number | undefined) {
  let total: number | undefined = 0;
  return {
    async during<T>(work: () => Promise<T>): Promise<T> {
      const before = processCpuMs(pid);
      const result = await work();
      const after = processCpuMs(pid);
      total = total !== undefined && before !== undefined && after !== undefined ? total + after - before : undefined;
      return result;
    },
    ms: () => total,
  };
}

export async function benchTelemetry(options: TelemetryBenchOptions): Promise<{
  flows: FlowResult[];
  notes: TelemetryNotes;
}> {
  const { say } = options;
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.devices + 2 });
  let recorded: { text: string; params: unknown[] }[] = [];
  const db = drizzle({
    client: pool,
    logger: { logQuery: (text, params) => recorded.push({ text, params }) },
  }) as unknown as Database;
  try {
    // Devices for each side, registered as staff would (keys hashed), so Kura checks real keys.
    const make = (tag: string, n: number) =>
      createDevices(db, {
        createdBy: '00000000-0000-0000-0000-000000000000',
        devices: Array.from({ length: n }, (_, i) => ({
          nameJa: `ベンチ ${tag} ${i + 1}`,
          nameEn: `bench ${tag} ${i + 1}`,
          location: 'bench',
          kind: 'other' as const,
          reportingIntervalSeconds: 60,
        })),
      });
    const httpDevices = await make('http', options.devices);
    const copyDevices = await make('copy', options.devices);
    const keys = await Promise.all(httpDevices.map((d) => addDeviceKey(db, { deviceId: d.id })));

    // Two days back, a second apart: inside retention, never ahead of the clock.
    const start = Date.now() - 2 * 86_400_000;
    const batches = httpDevices.map((_, d) => batchesFor(d, options.batchesPerDevice + 1, start));
    const bodies = batches.map((device) => device.map((rows) => JSON.stringify({ readings: rows })));
    const total = options.devices * options.batchesPerDevice * batchSize;

    const post = async (secret: string, body: string) => {
      const response = await fetch(`${options.kuraUrl}/ingest/v1/readings`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
        body,
        signal: AbortSignal.timeout(60_000),
      });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`ingest answered ${response.status}: ${text.slice(0, 300)}`);
      return ingestAnswer.parse(JSON.parse(text));
    };

    // Warm-up: each device's first batch (connections, plans, JIT), not counted.
    say(`ingest: warm-up (${options.devices} × ${batchSize})`);
    await Promise.all(keys.map((k, d) => post(k.secret, bodies[d]?.[0] ?? '')));

    // HTTP and COPY take turns, a few batches each, so both see the same machine: on a shared, loaded
    // host the load moves within seconds, and one long phase each compares two different machines.
    const rounds = ingestRounds(options.batchesPerDevice);
    say(
      `ingest: ${options.devices} devices × ${options.batchesPerDevice} requests × ${batchSize} readings over HTTP, ` +
        `and the same rows by text COPY (${options.devices} connections, ${batchSize} rows a COPY), in ${rounds.length} alternating rounds`,
    );
    const clients = await Promise.all(copyDevices.map(() => pool.connect()));
    let accepted = 0;
    let httpSeconds = 0;
    let copySeconds = 0;
    const ingestCpu = kuraCpu(options.kuraPid);
    const roundRatios: number[] = [];
    try {
      await Promise.all(
        clients.map((client, d) => copyRows(client, copyText(copyDevices[d]?.id ?? '', batches[d]?.[0] ?? []))),
      );
      for (const [first, end] of rounds) {
        const http = await ingestCpu.during(async () => {
          const started = performance.now();
          await Promise.all(
            keys.map(async (k, d) => {
              for (const body of bodies[d]?.slice(first, end) ?? []) {
                const answer = await post(k.secret, body);
                accepted += answer.accepted;
              }
            }),
          );
          return (performance.now() - started) / 1000;
        });
        const started = performance.now();
        await Promise.all(
          clients.map(async (client, d) => {
            for (const rows of batches[d]?.slice(first, end) ?? [])
              await copyRows(client, copyText(copyDevices[d]?.id ?? '', rows));
          }),
        );
        const copy = (performance.now() - started) / 1000;
        httpSeconds += http;
        copySeconds += copy;
        roundRatios.push(Number((copy / http).toFixed(3)));
      }
    } finally {
      for (const client of clients) client.release();
    }
    if (accepted !== total) throw new Error(`ingest accepted ${accepted} of ${total} readings`);
    const counted = await pool.query<{ n: number }>(
      'select count(*)::int as n from telemetry.readings where device_id = any($1::uuid[])',
      [[...httpDevices, ...copyDevices].map((d) => d.id)],
    );
    const expected = 2 * options.devices * (options.batchesPerDevice + 1) * batchSize;
    if (counted.rows[0]?.n !== expected) throw new Error(`found ${counted.rows[0]?.n} rows, expected ${expected}`);

    const cpuMs = ingestCpu.ms();
    const httpRate = total / httpSeconds;
    const copyRate = total / copySeconds;
    // Two data points a reading (temperature and humidity), as ThingsBoard counts its key-value pairs.
    const points = httpRate * 2;
    const ingest = {
      readings: total,
      httpReadingsPerSecond: Math.round(httpRate),
      copyReadingsPerSecond: Math.round(copyRate),
      ratio: Number((httpRate / copyRate).toFixed(3)),
      roundRatios,
      kuraCpuMsPer1000: cpuMs === undefined ? undefined : Number(((cpuMs / total) * 1000).toFixed(1)),
      dataPointsPerSecondPerKuraCore: cpuMs === undefined ? undefined : Math.round((total * 2) / (cpuMs / 1000)),
      dataPointsPerSecondPerMachineCore: Math.round(points / cpus().length),
      thingsBoard: thingsBoardPointsPerSecond,
    };

    say(
      `ingest: ${ingest.httpReadingsPerSecond} readings/s over HTTP vs ${ingest.copyReadingsPerSecond} by COPY (${ingest.ratio}×)`,
    );

    // Range aggregate: one device, 30 days by the minute.
    say('range aggregate: loading 30 days of 1-minute readings for one device');
    const [aggregateDevice] = await make('range', 1);
    if (!aggregateDevice) throw new Error('no aggregate device');
    // On the hour, so the range is exactly 720 hourly buckets.
    const to = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    const from = new Date(to.getTime() - 30 * 86_400_000);
    const minutes: Row[] = [];
    for (let t = from.getTime(); t < to.getTime(); t += 60_000) {
      const n = minutes.length;
      minutes.push({
        ts: new Date(t).toISOString(),
        temperature: 4 + Math.sin(n / 720) * 1.5,
        humidity: 60 + Math.cos(n / 720) * 5,
        status: 'ok',
      });
    }
    const loader = await pool.connect();
    try {
      await copyRows(loader, copyText(aggregateDevice.id, minutes));
    } finally {
      loader.release();
    }
    await pool.query('analyze telemetry.readings');

    // The exact statement Kura's adapter runs for the route (the user's zone: Tokyo by default).
    recorded = [];
    const direct = await createPostgresReadingsStore(db).buckets({
      deviceId: aggregateDevice.id,
      from,
      to,
      width: '1h',
      timeZone: 'Asia/Tokyo',
    });
    const [statement, ...extra] = recorded;
    if (!statement || extra.length > 0) throw new Error(`the buckets query ran ${recorded.length} statements`);

    const origin = options.kuraUrl.replace('127.0.0.1', 'localhost');
    const tokens = await createOidcTestClient({ origin }).signIn('staff@kura.local', 'kura-demo-1234');
    const path = `/api/telemetry/devices/${aggregateDevice.id}/buckets?width=1h&from=${from.toISOString()}&to=${to.toISOString()}`;
    const viaHttp = async () => {
      const response = await fetch(`${origin}${path}`, {
        headers: { Authorization: `Bearer ${tokens.access_token}` },
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await response.json()) as { buckets?: unknown[] };
      if (response.status !== 200) throw new Error(`buckets answered ${response.status}`);
      return body.buckets?.length ?? 0;
    };
    const viaSql = async () => (await pool.query(statement.text, statement.params)).rowCount ?? 0;
    const httpBuckets = await viaHttp();
    if (httpBuckets !== direct.length || httpBuckets !== 720) {
      throw new Error(`Kura answered ${httpBuckets} buckets, the SQL ${direct.length}; expected 720`);
    }
    say(`range aggregate: ${options.aggregateRuns} runs each, alternating, after 5 warm-up runs`);
    for (let i = 0; i < 5; i++) await Promise.all([viaHttp(), viaSql()]);
    const kuraMs: number[] = [];
    const sqlMs: number[] = [];
    const aggregateCpu = kuraCpu(options.kuraPid);
    for (let i = 0; i < options.aggregateRuns; i++) {
      await aggregateCpu.during(async () => {
        const t = performance.now();
        await viaHttp();
        kuraMs.push(performance.now() - t);
      });
      const t = performance.now();
      await viaSql();
      sqlMs.push(performance.now() - t);
    }
    const kuraCpuMs = aggregateCpu.ms();
    const aggregate = {
      buckets: httpBuckets,
      rows: minutes.length,
      kuraP95Ms: Number(p95(kuraMs).toFixed(1)),
      sqlP95Ms: Number(p95(sqlMs).toFixed(1)),
      ratio: Number((p95(kuraMs) / p95(sqlMs)).toFixed(2)),
      kuraP50Ms: Number(quantile(kuraMs, 0.5).toFixed(1)),
      sqlP50Ms: Number(quantile(sqlMs, 0.5).toFixed(1)),
      kuraCpuMsPerRequest: kuraCpuMs === undefined ? undefined : Number((kuraCpuMs / options.aggregateRuns).toFixed(1)),
    };

    const flows: FlowResult[] = [
      {
        name: 'telemetry ingest (HTTP, 500/request)',
        baseline: `text COPY of the same rows from Node, ${options.devices} connections, ${batchSize} rows a COPY`,
        unit: 'readings/s',
        kura: httpRate,
        base: copyRate,
        check: `${total} readings from ${options.devices} devices, all accepted and counted in the table; ${ingest.kuraCpuMsPer1000 ?? '–'} ms Kura CPU per 1,000; ${ingest.dataPointsPerSecondPerKuraCore ?? '–'} data points/s per Kura core (ThingsBoard CE quotes ${thingsBoardPointsPerSecond}/s)`,
      },
      {
        name: 'telemetry range aggregate (30 d by 1 h)',
        baseline: 'the same SQL through pg directly (p95, ms: lower is better; ratio = SQL / Kura)',
        // As a rate (1000 / p95 ms), so the ratio reads like the others: below 1 is slower than the baseline.
        unit: '/s at p95',
        kura: 1000 / aggregate.kuraP95Ms,
        base: 1000 / aggregate.sqlP95Ms,
        check: `${aggregate.rows} rows → ${aggregate.buckets} buckets; p95 Kura ${aggregate.kuraP95Ms} ms vs SQL ${aggregate.sqlP95Ms} ms = ${aggregate.ratio}× (goal ≤ 1.3×); p50 ${aggregate.kuraP50Ms} vs ${aggregate.sqlP50Ms} ms; Kura CPU ${aggregate.kuraCpuMsPerRequest ?? '–'} ms a request`,
      },
    ];
    const dynamodb = await benchDynamoDbWriteUnits(say);
    return { flows, notes: { ingest, aggregate, dynamodb } };
  } finally {
    await pool.end();
  }
}
