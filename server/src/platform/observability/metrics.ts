import {
  type MetricDefinition,
  type MetricName,
  metricCatalogue,
  metricNamespace,
  type Statistic,
} from './catalogue.js';

/**
 * The one metrics facade: `metrics.count('OrdersPlaced')`,
 * `metrics.observe('HttpLatency', ms, 'GET /api/products')`. Names, units and
 * the dimension each may carry are the catalogue's (catalogue.ts). Where the
 * values go is the process's choice (`useMetricSinks`): CloudWatch Embedded
 * Metric Format lines on stdout on AWS, the in-process store locally; with no
 * sink a call costs nothing.
 */
export type MetricSink = {
  record(name: MetricName, value: number, dimension: string | undefined, at: number): void;
};

let sinks: readonly MetricSink[] = [];

/** The process's sinks, set once at start (tests set theirs per app, as tracing registers its provider). */
export function useMetricSinks(next: readonly MetricSink[]): void {
  sinks = next;
}

/** The dimension value: bounded, so a route that echoes input cannot make unbounded series. */
const dimensionOf = (value: string | undefined) => (value === undefined ? undefined : value.slice(0, 120));

export const metrics = {
  count(name: MetricName, value = 1, dimension?: string): void {
    if (sinks.length === 0 || value === 0) return;
    const at = Date.now();
    for (const sink of sinks) sink.record(name, value, dimensionOf(dimension), at);
  },
  observe(name: MetricName, value: number, dimension?: string): void {
    if (sinks.length === 0 || !Number.isFinite(value)) return;
    const at = Date.now();
    for (const sink of sinks) sink.record(name, value, dimensionOf(dimension), at);
  },
};

// ---------------------------------------------------------------------------------------------
// Embedded Metric Format (AWS)

/** Values per metric per line: the EMF limit. */
const maxValuesPerLine = 100;

/**
 * Writes CloudWatch Embedded Metric Format documents: one JSON line per metric
 * and dimension value, its values batched (up to 100) and flushed every
 * `flushMs`, so a busy API writes a few lines a second, not one per request.
 * Each metric is published without dimensions (what the alarms read) and, when
 * it has one, by its dimension as well.
 */
export function createEmfSink(options: {
  write: (line: string) => void;
  /** A dimension on every metric: which process wrote it (kura-api, kura-worker). */
  service: string;
  flushMs?: number;
}): MetricSink & { flush(): void; stop(): void } {
  const pending = new Map<string, { name: MetricName; dimension: string | undefined; values: number[] }>();
  const flushOne = (key: string) => {
    const entry = pending.get(key);
    if (!entry || entry.values.length === 0) return;
    pending.delete(key);
    const document = {
      ...emfDocument(entry.name, entry.dimension, entry.values, Date.now()),
      Service: options.service,
    };
    options.write(`${JSON.stringify(document)}\n`);
  };
  const flush = () => {
    for (const key of [...pending.keys()]) flushOne(key);
  };
  const timer = setInterval(flush, options.flushMs ?? 10_000);
  timer.unref();
  return {
    record(name, value, dimension) {
      const key = `${name}\u0000${dimension ?? ''}`;
      const entry = pending.get(key) ?? { name, dimension, values: [] };
      pending.set(key, entry);
      entry.values.push(value);
      if (entry.values.length >= maxValuesPerLine) flushOne(key);
    },
    flush,
    stop() {
      clearInterval(timer);
      flush();
    },
  };
}

export type EmfDocument = {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[];
  };
  [member: string]: unknown;
};

export function emfDocument(
  name: MetricName,
  dimension: string | undefined,
  values: number[],
  timestamp: number,
): EmfDocument {
  const definition: { unit: string; dimension?: string } = metricCatalogue[name];
  const key = definition.dimension;
  const withDimension = key !== undefined && dimension !== undefined;
  return {
    _aws: {
      Timestamp: timestamp,
      CloudWatchMetrics: [
        {
          Namespace: metricNamespace,
          Dimensions: withDimension ? [[], [key]] : [[]],
          Metrics: [{ Name: name, Unit: definition.unit }],
        },
      ],
    },
    ...(withDimension ? { [key]: dimension } : {}),
    [name]: values.length === 1 ? values[0] : values,
  };
}

// ---------------------------------------------------------------------------------------------
// OTLP/HTTP (a local process of its own: the worker entry sends to the console's receiver)

/**
 * Sends each recorded value to an OTLP/HTTP receiver as JSON, batched and
 * flushed every `flushMs`: a count as a delta sum point, a time as a gauge
 * point, each with its catalogue dimension as an attribute — what Kura's own
 * receiver (otlp-receiver.ts) turns back into the same records. A failed send
 * is dropped: metrics must never hold the process up.
 */
export function createOtlpMetricSink(options: {
  /** The receiver's base URL (http://127.0.0.1:3000); the sink posts to /v1/metrics under it. */
  endpoint: string;
  headers?: Record<string, string> | undefined;
  service: string;
  flushMs?: number;
  /** At most this many values wait for a flush; past it the oldest are dropped. */
  maxPending?: number;
}): MetricSink & { flush(): Promise<void>; stop(): Promise<void> } {
  type Pending = { name: MetricName; value: number; dimension: string | undefined; at: number };
  let pending: Pending[] = [];
  const maxPending = options.maxPending ?? 10_000;
  const url = `${options.endpoint.replace(/\/$/, '')}/v1/metrics`;
  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const byName = new Map<MetricName, Pending[]>();
    for (const point of batch) {
      const points = byName.get(point.name);
      if (points) points.push(point);
      else byName.set(point.name, [point]);
    }
    const metrics = [...byName].map(([name, points]) => {
      const definition: MetricDefinition = metricCatalogue[name];
      const dataPoints = points.map((p) => ({
        timeUnixNano: `${BigInt(p.at) * 1_000_000n}`,
        asDouble: p.value,
        attributes:
          definition.dimension && p.dimension !== undefined
            ? [{ key: definition.dimension, value: { stringValue: p.dimension } }]
            : [],
      }));
      return definition.unit === 'Count'
        ? { name, unit: '1', sum: { dataPoints, aggregationTemporality: 1, isMonotonic: true } }
        : { name, unit: 'ms', gauge: { dataPoints } };
    });
    const body = {
      resourceMetrics: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: options.service } }] },
          scopeMetrics: [{ scope: { name: 'kura' }, metrics }],
        },
      ],
    };
    await fetch(url, {
      method: 'POST',
      headers: { ...options.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    }).then(
      (response) => response.body?.cancel(),
      () => {},
    );
  };
  const timer = setInterval(() => void flush(), options.flushMs ?? 10_000);
  timer.unref();
  return {
    record(name, value, dimension, at) {
      if (pending.length >= maxPending) pending.shift();
      pending.push({ name, value, dimension, at });
    },
    flush,
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The in-process store (local)

/** The store's resolution: CloudWatch's standard one. */
export const bucketMs = 60_000;
/** Values kept per minute for percentiles; beyond it, a uniform sample (reservoir). */
const reservoirSize = 64;

type Bucket = { start: number; count: number; sum: number; min: number; max: number; sample: number[] };

export type Datapoint = { timestamp: string; value: number };

export type SeriesQuery = {
  metric: MetricName;
  /** One dimension value (a route); undefined: the metric as a whole. */
  dimension?: string | undefined;
  statistic: Statistic;
  periodSeconds: number;
  from: number;
  to: number;
};

/**
 * The metrics of this process, per minute, for the operations console and the
 * local alarms. Bounded: `maxSeries` series (a metric, or a metric and one
 * dimension value), each keeping `retentionMinutes` of minutes; older minutes
 * and, past the limit, the least recently written series are dropped.
 */
export class MetricStore implements MetricSink {
  readonly #series = new Map<string, Bucket[]>();
  constructor(
    readonly maxSeries = 300,
    readonly retentionMinutes = 180,
  ) {}

  record(name: MetricName, value: number, dimension: string | undefined, at: number): void {
    this.#add(name, undefined, value, at);
    if (dimension !== undefined && 'dimension' in metricCatalogue[name]) this.#add(name, dimension, value, at);
  }

  get size(): { series: number; buckets: number } {
    let buckets = 0;
    for (const series of this.#series.values()) buckets += series.length;
    return { series: this.#series.size, buckets };
  }

  /** The dimension values seen for a metric (the routes), most recent series first. */
  dimensionsOf(metric: MetricName): string[] {
    const prefix = `${metric}\u0000`;
    return [...this.#series.keys()]
      .filter((key) => key.startsWith(prefix) && key.length > prefix.length)
      .map((key) => key.slice(prefix.length))
      .reverse();
  }

  /** One datapoint per period that has data, oldest first; a period with none is missing (as in CloudWatch). */
  query(query: SeriesQuery): Datapoint[] {
    const buckets = this.#series.get(seriesKey(query.metric, query.dimension)) ?? [];
    const periodMs = query.periodSeconds * 1000;
    const byPeriod = new Map<number, Bucket[]>();
    for (const bucket of buckets) {
      if (bucket.start < query.from || bucket.start >= query.to) continue;
      const period = Math.floor(bucket.start / periodMs) * periodMs;
      const list = byPeriod.get(period) ?? [];
      byPeriod.set(period, list);
      list.push(bucket);
    }
    return [...byPeriod.entries()]
      .sort(([a], [b]) => a - b)
      .map(([period, list]) => ({
        timestamp: new Date(period).toISOString(),
        value: statisticOf(query.statistic, list),
      }));
  }

  #add(name: MetricName, dimension: string | undefined, value: number, at: number): void {
    const key = seriesKey(name, dimension);
    let series = this.#series.get(key);
    if (series) {
      // Most recently written last: the first key is the one to drop at the limit.
      this.#series.delete(key);
    } else {
      series = [];
      if (this.#series.size >= this.maxSeries) {
        const oldest = this.#series.keys().next().value;
        if (oldest !== undefined) this.#series.delete(oldest);
      }
    }
    this.#series.set(key, series);
    const start = Math.floor(at / bucketMs) * bucketMs;
    let bucket = series.at(-1);
    if (!bucket || bucket.start !== start) {
      // Out-of-order writes into an older minute still land in it.
      bucket = series.find((b) => b.start === start);
      if (!bucket) {
        bucket = { start, count: 0, sum: 0, min: value, max: value, sample: [] };
        series.push(bucket);
        series.sort((a, b) => a.start - b.start);
        const horizon = start - this.retentionMinutes * bucketMs;
        while (series.length > 0 && (series[0] as Bucket).start <= horizon) series.shift();
        while (series.length > this.retentionMinutes) series.shift();
      }
    }
    bucket.count++;
    bucket.sum += value;
    bucket.min = Math.min(bucket.min, value);
    bucket.max = Math.max(bucket.max, value);
    if (bucket.sample.length < reservoirSize) bucket.sample.push(value);
    else {
      const slot = Math.floor(Math.random() * bucket.count);
      if (slot < reservoirSize) bucket.sample[slot] = value;
    }
  }
}

const seriesKey = (metric: MetricName, dimension: string | undefined) => `${metric}\u0000${dimension ?? ''}`;

function statisticOf(statistic: Statistic, buckets: Bucket[]): number {
  const count = buckets.reduce((n, b) => n + b.count, 0);
  const sum = buckets.reduce((n, b) => n + b.sum, 0);
  switch (statistic) {
    case 'Sum':
      return sum;
    case 'SampleCount':
      return count;
    case 'Average':
      return count === 0 ? 0 : sum / count;
    case 'Maximum':
      return Math.max(...buckets.map((b) => b.max));
    case 'Minimum':
      return Math.min(...buckets.map((b) => b.min));
    case 'p99': {
      const values = buckets.flatMap((b) => b.sample).sort((a, b) => a - b);
      return values[Math.min(values.length - 1, Math.ceil(values.length * 0.99) - 1)] ?? 0;
    }
  }
}

export type RunningMetrics = { store: MetricStore; flush(): void; stop(): Promise<void> };

/**
 * The process's metrics: the in-process store; EMF lines on stdout as well when configured (AWS).
 * Not `enabled`: no sink at all, so each call costs nothing (what the bench compares against).
 */
export function startMetrics(options: {
  emf: boolean;
  service: string;
  enabled?: boolean;
  /** A receiver to send every value to as well (the worker entry to the local console's); none if unset. */
  otlp?: { endpoint: string; headers?: Record<string, string> | undefined } | undefined;
}): RunningMetrics {
  const store = new MetricStore();
  const on = options.enabled !== false;
  const emf =
    options.emf && on
      ? createEmfSink({ write: (line) => process.stdout.write(line), service: options.service })
      : undefined;
  const otlp = options.otlp && on ? createOtlpMetricSink({ ...options.otlp, service: options.service }) : undefined;
  useMetricSinks(on ? [store, ...(emf ? [emf] : []), ...(otlp ? [otlp] : [])] : []);
  return {
    store,
    flush() {
      emf?.flush();
      void otlp?.flush();
    },
    async stop() {
      emf?.stop();
      await otlp?.stop();
    },
  };
}
