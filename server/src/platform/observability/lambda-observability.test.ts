import { Metrics } from '@aws-lambda-powertools/metrics';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPowertoolsMetricSink } from './lambda-observability.js';
import { createEmfSink, type EmfDocument, metrics, useMetricSinks } from './metrics.js';

/** What CloudWatch extracts from EMF lines: one value list per (metric, unit, dimension key=value set). */
function extracted(lines: EmfDocument[]) {
  const series = new Map<string, number[]>();
  for (const line of lines) {
    for (const directive of line._aws.CloudWatchMetrics) {
      for (const set of directive.Dimensions) {
        for (const metric of directive.Metrics) {
          const dims = set.map((key) => `${key}=${String(line[key])}`).join(',');
          const key = `${directive.Namespace} ${metric.Name} ${metric.Unit} [${dims}]`;
          const raw = line[metric.Name];
          series.set(key, [...(series.get(key) ?? []), ...(Array.isArray(raw) ? raw : [raw as number])]);
        }
      }
    }
  }
  return Object.fromEntries([...series].map(([key, values]) => [key, values.sort((a, b) => a - b)]));
}

afterEach(() => {
  useMetricSinks([]);
  vi.restoreAllMocks();
});

describe('the metrics facade in a Lambda function (Powertools Metrics writes the EMF)', () => {
  it('gives CloudWatch the same series as the ECS processes’ EMF sink: catalogue names and units, dimensionless and by dimension', () => {
    const record = () => {
      metrics.count('ReadingsAccepted', 3);
      metrics.count('ReadingsAccepted', 2);
      metrics.observe('HttpLatency', 12, 'POST /ingest/v1/readings');
      metrics.count('HttpRequests', 1, 'POST /ingest/v1/readings');
    };

    const ecsLines: EmfDocument[] = [];
    const emf = createEmfSink({ write: (line) => ecsLines.push(JSON.parse(line)), service: 'kura-ingest' });
    useMetricSinks([emf]);
    record();
    emf.stop();

    // Powertools writes each EMF document as a line on stdout (its own Console on process.stdout).
    const lambdaLines: EmfDocument[] = [];
    const write = process.stdout.write.bind(process.stdout);
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = String(chunk);
      if (text.includes('"_aws"')) {
        for (const line of text.split('\n').filter(Boolean)) lambdaLines.push(JSON.parse(line));
        return true;
      }
      return write(chunk, ...(rest as []));
    });
    const sink = createPowertoolsMetricSink(
      new Metrics({ namespace: 'Kura', serviceName: 'kura-ingest' }),
      'kura-ingest',
    );
    useMetricSinks([sink]);
    record();
    sink.publish();

    expect(extracted(lambdaLines)).toEqual(extracted(ecsLines));
    expect(extracted(lambdaLines)).toEqual({
      'Kura ReadingsAccepted Count []': [2, 3],
      'Kura HttpLatency Milliseconds []': [12],
      'Kura HttpLatency Milliseconds [Route=POST /ingest/v1/readings]': [12],
      'Kura HttpRequests Count []': [1],
      'Kura HttpRequests Count [Route=POST /ingest/v1/readings]': [1],
    });
    // No service dimension: the alarms read the metrics without one.
    for (const line of lambdaLines) expect(line.service).toBeUndefined();
    // Nothing recorded since: the next invocation publishes nothing.
    const before = lambdaLines.length;
    sink.publish();
    expect(lambdaLines).toHaveLength(before);
  });
});
