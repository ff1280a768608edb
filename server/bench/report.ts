import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import type { LoadOptions, Measurement } from './load.js';
import type { FlowResult, OrderPathSummary } from './order-flow.js';

export type ScenarioResult = {
  name: string;
  /** What Kura is compared with. */
  baseline: string;
  kura: Measurement;
  base: Measurement;
};

/** Kura divided by the baseline: below 1 for req/s and above 1 for latency means Kura is slower. */
export function ratios(result: ScenarioResult) {
  return {
    reqPerSec: ratio(result.kura.reqPerSec, result.base.reqPerSec, 3),
    p50: ratio(result.kura.p50Ms, result.base.p50Ms, 2),
    p99: ratio(result.kura.p99Ms, result.base.p99Ms, 2),
    cpuPerRequest:
      result.kura.cpuMsPerRequest !== undefined && result.base.cpuMsPerRequest !== undefined
        ? ratio(result.kura.cpuMsPerRequest, result.base.cpuMsPerRequest, 2)
        : null,
  };
}

/** Null when the baseline is 0: autocannon's latency histogram does not resolve below 1 ms. */
function ratio(kura: number, base: number, digits: number): number | null {
  return base > 0 ? round(kura / base, digits) : null;
}

export function formatTable(results: ScenarioResult[]): string {
  const header = [
    'scenario',
    'Kura req/s',
    'base req/s',
    'ratio',
    'Kura p99',
    'base p99',
    'ratio',
    'Kura CPU/req',
    'base CPU/req',
    'ratio',
  ];
  const rows = results.map((r) => {
    const ratio = ratios(r);
    return [
      r.name,
      fixed(r.kura.reqPerSec, 0),
      fixed(r.base.reqPerSec, 0),
      fixed(ratio.reqPerSec, 2),
      ms(r.kura.p99Ms),
      ms(r.base.p99Ms),
      fixed(ratio.p99, 2),
      cpu(r.kura.cpuMsPerRequest),
      cpu(r.base.cpuMsPerRequest),
      fixed(ratio.cpuPerRequest, 2),
    ];
  });
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => displayWidth(row[i] ?? ''))));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? padEnd(cell, widths[i] ?? 0) : padStart(cell, widths[i] ?? 0))).join('  ');
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const notes = results.map(
    (r) =>
      `  ${r.name}: baseline = ${r.baseline}; bytes/response ${r.kura.bytesPerResponse} (Kura) vs ${r.base.bytesPerResponse}`,
  );
  return [
    line(header),
    rule,
    ...rows.map(line),
    '',
    'ratio = Kura / baseline; CPU/req = user+system CPU of the server process per answered request',
    ...notes,
  ].join('\n');
}

export async function writeResults(
  path: string,
  options: {
    load: LoadOptions;
    results: ScenarioResult[];
    flows: FlowResult[];
    orderPath?: OrderPathSummary | undefined;
    /** The telemetry bench's absolute figures (bench/telemetry.ts). */
    telemetry?: unknown;
    /** Tracing/metrics overhead and memory under load (bench/observability.ts). */
    observability?: unknown;
    startedAt: Date;
  },
) {
  const cpuList = cpus();
  const report = {
    date: options.startedAt.toISOString(),
    machine: {
      cpus: cpuList.length,
      cpuModel: cpuList[0]?.model ?? 'unknown',
      memoryGiB: round(totalmem() / 2 ** 30, 1),
      loadAverage1m: round(loadavg()[0] ?? 0, 2),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
    },
    commit: currentCommit(),
    load: options.load,
    scenarios: options.results.map((r) => ({
      name: r.name,
      baseline: r.baseline,
      kura: r.kura,
      base: r.base,
      ratios: ratios(r),
    })),
    flows: options.flows.map((f) => ({ ...f, ratio: round(f.kura / f.base, 3) })),
    orderPath: options.orderPath ?? null,
    telemetry: options.telemetry ?? null,
    observability: options.observability ?? null,
  };
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
}

function currentCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

function fixed(value: number | null, digits: number): string {
  if (value === null) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function cpu(value: number | undefined): string {
  return value === undefined ? '–' : `${fixed(value, 3)} ms`;
}

function ms(value: number): string {
  return `${fixed(value, value < 10 ? 1 : 0)} ms`;
}

/** CJK characters take two columns in a terminal. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char)
      ? 2
      : 1;
  return width;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** The order-flow benchmarks: throughput against pgbench, with what was checked after each run. */
export function formatFlows(flows: FlowResult[], path?: OrderPathSummary): string {
  const rows = flows.map((f) => [
    f.name,
    `${f.kura.toFixed(1)} ${f.unit}`,
    `${f.base.toFixed(1)} tps`,
    (f.kura / f.base).toFixed(3),
    f.baseline,
  ]);
  const header = ['flow', 'Kura', 'pgbench', 'ratio', 'baseline'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  const pathLines = path
    ? [
        '',
        `order path: ${path.statementsPerOrder} statements and ${path.commitsPerOrder} commits per confirmed order ` +
          `(lone orders; ${path.statementsPerSettledOrderUnderLoad} per settled order under load)`,
        `  placed → confirmed: at rest p50 ${path.atRest.p50} ms, max ${path.atRest.max} ms (${path.atRest.orders} orders); ` +
          `under load p50 ${path.underLoad.p50} ms, p95 ${path.underLoad.p95} ms; ` +
          `on PGlite (npm start) at rest p50 ${path.pgliteAtRest.p50} ms, max ${path.pgliteAtRest.max} ms`,
        `  idle process: ${path.idleStatementsPerSecond} statements/s over ${path.idleSeconds} s`,
        `  RSS of the bench process: ${path.rssMiB.before} MiB before the order scenario, ${path.rssMiB.after} MiB after`,
      ]
    : [];
  return [line(header), ...rows.map(line), ...flows.map((f) => `  ${f.name}: ${f.check}`), ...pathLines].join('\n');
}
