import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { metricCatalogue, metricNamespace } from './catalogue.js';
import { createEmfSink, MetricStore, metrics, useMetricSinks } from './metrics.js';

/**
 * The structure the CloudWatch Embedded Metric Format specification requires
 * (the root's `_aws` metadata: Timestamp, CloudWatchMetrics of MetricDirectives with
 * Namespace, Dimensions as DimensionSets of at most 30 keys, Metrics of Name/Unit),
 * written out from the specification's text as a JSON Schema.
 */
const emfSchema = {
  type: 'object',
  required: ['_aws'],
  properties: {
    _aws: {
      type: 'object',
      required: ['Timestamp', 'CloudWatchMetrics'],
      properties: {
        Timestamp: { type: 'integer', minimum: 0 },
        CloudWatchMetrics: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['Namespace', 'Dimensions', 'Metrics'],
            additionalProperties: false,
            properties: {
              Namespace: { type: 'string', minLength: 1, maxLength: 1024 },
              Dimensions: {
                type: 'array',
                items: { type: 'array', maxItems: 30, items: { type: 'string', minLength: 1, maxLength: 250 } },
              },
              Metrics: {
                type: 'array',
                minItems: 1,
                maxItems: 100,
                items: {
                  type: 'object',
                  required: ['Name'],
                  additionalProperties: false,
                  properties: {
                    Name: { type: 'string', minLength: 1, maxLength: 1024 },
                    Unit: {
                      enum: [
                        'Seconds',
                        'Microseconds',
                        'Milliseconds',
                        'Bytes',
                        'Kilobytes',
                        'Megabytes',
                        'Gigabytes',
                        'Terabytes',
                        'Bits',
                        'Kilobits',
                        'Megabits',
                        'Gigabits',
                        'Terabits',
                        'Percent',
                        'Count',
                        'Bytes/Second',
                        'Kilobytes/Second',
                        'Megabytes/Second',
                        'Gigabytes/Second',
                        'Terabytes/Second',
                        'Bits/Second',
                        'Kilobits/Second',
                        'Megabits/Second',
                        'Gigabits/Second',
                        'Terabits/Second',
                        'Count/Second',
                        'None',
                      ],
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;

const validate = new Ajv({ strict: true }).compile(emfSchema);

/** The rules the schema cannot say: every referenced dimension and metric is a root member of the right type. */
function referencedMembersProblems(document: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const aws = document._aws as { CloudWatchMetrics: { Dimensions: string[][]; Metrics: { Name: string }[] }[] };
  for (const directive of aws.CloudWatchMetrics) {
    for (const key of directive.Dimensions.flat()) {
      if (typeof document[key] !== 'string') problems.push(`dimension ${key} is not a string member of the root`);
    }
    for (const { Name } of directive.Metrics) {
      const value = document[Name];
      const ok =
        typeof value === 'number' ||
        (Array.isArray(value) && value.length <= 100 && value.every((v) => typeof v === 'number'));
      if (!ok) problems.push(`metric ${Name} has no number (or array of at most 100 numbers) at the root`);
    }
  }
  return problems;
}

function captureEmf() {
  const lines: string[] = [];
  const sink = createEmfSink({ write: (line) => lines.push(line), service: 'kura-api', flushMs: 60_000 });
  return { lines, sink, documents: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

afterEach(() => useMetricSinks([]));

describe('Embedded Metric Format output', () => {
  it('is valid EMF for every catalogue metric, with and without its dimension', () => {
    const { sink, documents } = captureEmf();
    for (const name of Object.keys(metricCatalogue) as (keyof typeof metricCatalogue)[]) {
      sink.record(name, 3, undefined, Date.now());
      sink.record(name, 5, 'GET /api/products', Date.now());
    }
    sink.stop();
    const docs = documents();
    expect(docs.length).toBeGreaterThanOrEqual(Object.keys(metricCatalogue).length);
    for (const doc of docs) {
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      expect(referencedMembersProblems(doc)).toEqual([]);
      expect(doc._aws).toMatchObject({ CloudWatchMetrics: [{ Namespace: metricNamespace }] });
      // Every metric is published without dimensions too: that is what the alarms read.
      expect(
        (doc._aws as { CloudWatchMetrics: { Dimensions: string[][] }[] }).CloudWatchMetrics[0]?.Dimensions,
      ).toContainEqual([]);
    }
  });

  it('batches values in one line per metric and dimension, at most 100 values each', () => {
    const { lines, sink, documents } = captureEmf();
    for (let i = 0; i < 150; i++) sink.record('HttpLatency', i, 'GET /api/products', Date.now());
    sink.record('OrdersPlaced', 1, undefined, Date.now());
    expect(lines.length).toBe(1); // the first 100 values, flushed when full
    sink.flush();
    const docs = documents();
    expect(docs.map((d) => (Array.isArray(d.HttpLatency) ? d.HttpLatency.length : d.HttpLatency))).toEqual([
      100,
      50,
      undefined,
    ]);
    expect(docs[0]).toMatchObject({ Route: 'GET /api/products', Service: 'kura-api' });
    expect(docs[2]).toMatchObject({ OrdersPlaced: 1 });
    for (const doc of docs) expect(validate(doc)).toBe(true);
  });

  it('comes from the facade the code calls', () => {
    const { sink, documents } = captureEmf();
    useMetricSinks([sink]);
    metrics.count('OrdersPlaced');
    metrics.observe('RelayLag', 12.5);
    sink.flush();
    expect(documents()).toEqual([
      expect.objectContaining({ OrdersPlaced: 1 }),
      expect.objectContaining({ RelayLag: 12.5 }),
    ]);
  });
});

describe('the in-process store', () => {
  const t0 = Date.UTC(2026, 11, 3, 12, 0, 0);
  const minute = 60_000;

  it('answers CloudWatch statistics per period, with periods that have no data absent', () => {
    const store = new MetricStore();
    for (const [at, value] of [
      [t0, 10],
      [t0 + 10_000, 30],
      [t0 + 2 * minute, 5],
    ] as const)
      store.record('HttpLatency', value, 'GET /api/products', at);
    const series = (statistic: 'Sum' | 'Average' | 'Maximum' | 'SampleCount' | 'p99', dimension?: string) =>
      store.query({ metric: 'HttpLatency', dimension, statistic, periodSeconds: 60, from: t0, to: t0 + 5 * minute });
    expect(series('Sum')).toEqual([
      { timestamp: new Date(t0).toISOString(), value: 40 },
      { timestamp: new Date(t0 + 2 * minute).toISOString(), value: 5 },
    ]);
    expect(series('Average').map((d) => d.value)).toEqual([20, 5]);
    expect(series('Maximum', 'GET /api/products').map((d) => d.value)).toEqual([30, 5]);
    expect(series('SampleCount').map((d) => d.value)).toEqual([2, 1]);
    expect(series('p99').map((d) => d.value)).toEqual([30, 5]);
    expect(
      store.query({ metric: 'HttpLatency', statistic: 'Sum', periodSeconds: 300, from: t0, to: t0 + 5 * minute }),
    ).toEqual([{ timestamp: new Date(t0).toISOString(), value: 45 }]);
    expect(store.dimensionsOf('HttpLatency')).toEqual(['GET /api/products']);
  });

  it('stays bounded: series past the limit and minutes past the retention are dropped', () => {
    const store = new MetricStore(10, 30);
    for (let i = 0; i < 10_000; i++) store.record('HttpRequests', 1, `GET /route-${i % 500}`, t0 + i * 1000);
    const { series, buckets } = store.size;
    expect(series).toBeLessThanOrEqual(10);
    expect(buckets).toBeLessThanOrEqual(10 * 30);
  });
});
