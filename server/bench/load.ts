import autocannon, { type Options, type Result } from 'autocannon';
import { processCpuMs } from './process-cpu.js';

export type LoadOptions = { connections: number; durationS: number; warmupS: number };

export type Measurement = {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Response size including headers, from autocannon's byte count. */
  bytesPerResponse: number;
  /** CPU the server process spent per answered request during the measured run (Linux only). */
  cpuMsPerRequest: number | undefined;
  /** Connection errors, timeouts and non-2xx answers: any of these makes the figures suspect. */
  failures: number;
};

let current: { stop(): void } | undefined;

/** A short unmeasured warm-up (JIT, pools, caches), then the measured run against the server process `pid`. */
export async function measure(url: string, options: LoadOptions & { pid: number | undefined }): Promise<Measurement> {
  if (options.warmupS > 0) await run({ url, connections: options.connections, duration: options.warmupS });
  const cpuBefore = processCpuMs(options.pid);
  const result = await run({ url, connections: options.connections, duration: options.durationS });
  const cpuAfter = processCpuMs(options.pid);
  return {
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result['2xx'],
    bytesPerResponse: result['2xx'] > 0 ? Math.round(result.throughput.total / result['2xx']) : 0,
    cpuMsPerRequest:
      cpuBefore !== undefined && cpuAfter !== undefined && result['2xx'] > 0
        ? Number(((cpuAfter - cpuBefore) / result['2xx']).toFixed(3))
        : undefined,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

/** Ends a run in progress (Ctrl-C), so its sockets close before the servers stop. */
export function stopLoad(): void {
  current?.stop();
}

async function run(options: Options): Promise<Result> {
  const instance = autocannon({ ...options, timeout: 10 });
  current = instance;
  try {
    return await instance;
  } finally {
    current = undefined;
  }
}
