import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env.js';
import { AppError, validationHook } from '../http/errors.js';
import { limitBody } from '../http/http-app.js';
import { type MetricDefinition, type MetricName, metricCatalogue } from './catalogue.js';
import type { MetricStore } from './metrics.js';
import type { SpanStatus, SpanStore, StoredSpan } from './tracing.js';

/**
 * An OTLP/HTTP receiver (JSON encoding) in the local process, so the worker
 * entry, the device simulator and the load generator, each a process of its
 * own, send their spans and metrics to the stores the operations console
 * reads: one trace runs across processes. Mounted by the local profile only,
 * which listens on 127.0.0.1, behind a staff token or a service token with the
 * `otlp:write` scope. Protobuf is refused with 415: every exporter here can
 * speak JSON (`@opentelemetry/exporter-trace-otlp-http`'s default).
 */

/** The paths, for the HTTP app: posts to them are other processes' telemetry, not requests to trace or count. */
export const otlpPaths: readonly string[] = ['/v1/traces', '/v1/metrics'];

/** A batch of spans or points past this is refused (413): an exporter's batches are far smaller. */
export const otlpMaxBodyBytes = 4 * 1024 * 1024;

const hexId = (digits: number) =>
  z
    .string()
    .regex(new RegExp(`^[0-9a-fA-F]{${digits}}$`), `must be ${digits} hex digits`)
    .transform((id) => id.toLowerCase());

/** Nanoseconds since the epoch: a decimal string (64-bit in JSON) or a number. */
const unixNanos = z.union([z.string().regex(/^\d{1,20}$/, 'must be a decimal integer'), z.number().int().min(0)]);

const anyValueSchema: z.ZodType<unknown> = z.lazy(() =>
  z
    .object({
      stringValue: z.string().max(4096).optional(),
      boolValue: z.boolean().optional(),
      intValue: z.union([z.string().regex(/^-?\d{1,20}$/), z.number().int()]).optional(),
      doubleValue: z.number().optional(),
      bytesValue: z.string().max(4096).optional(),
      arrayValue: z.object({ values: z.array(anyValueSchema).max(128).default([]) }).optional(),
      kvlistValue: z.object({ values: z.array(keyValueSchema).max(128).default([]) }).optional(),
    })
    .strict(),
);
const keyValueSchema: z.ZodType<{ key: string; value?: unknown }> = z.lazy(() =>
  z.object({ key: z.string().max(256), value: anyValueSchema.optional() }),
);
const attributesSchema = z.array(keyValueSchema).max(256).default([]);
const resourceSchema = z.object({ attributes: attributesSchema }).default({ attributes: [] });

const spanSchema = z.object({
  traceId: hexId(32),
  spanId: hexId(16),
  parentSpanId: z.union([hexId(16), z.literal('')]).optional(),
  name: z.string().min(1).max(512),
  // SpanKind: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer.
  kind: z.number().int().min(0).max(5).default(1),
  startTimeUnixNano: unixNanos,
  endTimeUnixNano: unixNanos,
  attributes: attributesSchema,
  // Status code: 0 unset, 1 ok, 2 error.
  status: z.object({ code: z.number().int().min(0).max(2).default(0) }).default({ code: 0 }),
});

const traceRequestSchema = z.object({
  resourceSpans: z
    .array(
      z.object({
        resource: resourceSchema,
        scopeSpans: z.array(z.object({ spans: z.array(spanSchema).max(10_000).default([]) })).default([]),
      }),
    )
    .default([]),
});

const numberDataPointSchema = z.object({
  attributes: attributesSchema,
  timeUnixNano: unixNanos.optional(),
  asDouble: z.number().optional(),
  asInt: z.union([z.string().regex(/^-?\d{1,20}$/), z.number().int()]).optional(),
});
const pointsSchema = z.object({ dataPoints: z.array(numberDataPointSchema).max(10_000).default([]) });

const metricSchema = z.object({
  name: z.string().min(1).max(256),
  sum: pointsSchema.optional(),
  gauge: pointsSchema.optional(),
  histogram: z.unknown().optional(),
  exponentialHistogram: z.unknown().optional(),
  summary: z.unknown().optional(),
});

const metricsRequestSchema = z.object({
  resourceMetrics: z
    .array(
      z.object({
        resource: resourceSchema,
        scopeMetrics: z.array(z.object({ metrics: z.array(metricSchema).max(1000).default([]) })).default([]),
      }),
    )
    .default([]),
});

/** An attribute's value as the span store keeps it: scalars as they are, the rest as JSON. */
function plainValue(value: unknown): unknown {
  const v = value as Record<string, unknown> | undefined;
  if (!v) return null;
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.bytesValue !== undefined) return v.bytesValue;
  if (v.arrayValue) return JSON.stringify((v.arrayValue as { values: unknown[] }).values.map(plainValue));
  if (v.kvlistValue) return JSON.stringify(attributesOf((v.kvlistValue as { values: KeyValue[] }).values));
  return null;
}

type KeyValue = { key: string; value?: unknown };
const attributesOf = (list: readonly KeyValue[]): Record<string, unknown> =>
  Object.fromEntries(list.map((kv) => [kv.key, plainValue(kv.value)]));

const spanKinds = ['INTERNAL', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'] as const;
const spanStatuses: SpanStatus[] = ['unset', 'ok', 'error'];

const nanosToMs = (nanos: string | number) => Number(BigInt(nanos) / 1000n) / 1000;

export type OtlpReceiverDeps = { spans: SpanStore; metrics: MetricStore };

/** The two OTLP routes; the caller mounts authentication in front of them. */
export function createOtlpReceiver(deps: OtlpReceiverDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();
  router.use('/v1/*', limitBody(otlpMaxBodyBytes));

  router.post('/v1/traces', async (c) => {
    const parsed = traceRequestSchema.safeParse(await readJson(c.req.header('content-type'), c.req.text()));
    if (!parsed.success) return validationHook(parsed, c) ?? c.body(null, 400);
    let rejected = 0;
    for (const resourceSpans of parsed.data.resourceSpans) {
      const resource = attributesOf(resourceSpans.resource.attributes);
      const service = typeof resource['service.name'] === 'string' ? resource['service.name'] : 'unknown';
      for (const { spans } of resourceSpans.scopeSpans) {
        for (const span of spans) {
          const start = nanosToMs(span.startTimeUnixNano);
          const end = nanosToMs(span.endTimeUnixNano);
          if (end < start) {
            rejected++;
            continue;
          }
          const stored: StoredSpan = {
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: span.parentSpanId || undefined,
            name: span.name,
            service,
            kind: spanKinds[span.kind] ?? 'INTERNAL',
            startTime: new Date(start).toISOString(),
            durationMs: Math.round((end - start) * 1000) / 1000,
            status: spanStatuses[span.status.code] ?? 'unset',
            attributes: attributesOf(span.attributes),
          };
          deps.spans.add(stored);
        }
      }
    }
    return c.json({ partialSuccess: rejected ? { rejectedSpans: rejected, errorMessage: 'end before start' } : {} });
  });

  router.post('/v1/metrics', async (c) => {
    const parsed = metricsRequestSchema.safeParse(await readJson(c.req.header('content-type'), c.req.text()));
    if (!parsed.success) return validationHook(parsed, c) ?? c.body(null, 400);
    let rejected = 0;
    const unknownNames = new Set<string>();
    for (const { scopeMetrics } of parsed.data.resourceMetrics) {
      for (const { metrics } of scopeMetrics) {
        for (const metric of metrics) {
          const points = [...(metric.sum?.dataPoints ?? []), ...(metric.gauge?.dataPoints ?? [])];
          // Only the catalogue's names, as sums or gauges (one value per point): what the store charts and alarms read.
          const name = catalogueName(metric.name);
          if (!name || (!metric.sum && !metric.gauge)) {
            unknownNames.add(metric.name);
            rejected += Math.max(1, points.length);
            continue;
          }
          const definition: MetricDefinition = metricCatalogue[name];
          for (const point of points) {
            const value = point.asDouble ?? (point.asInt === undefined ? undefined : Number(point.asInt));
            if (value === undefined || !Number.isFinite(value)) {
              rejected++;
              continue;
            }
            const dimension = definition.dimension ? attributesOf(point.attributes)[definition.dimension] : undefined;
            const at = point.timeUnixNano === undefined ? Date.now() : nanosToMs(point.timeUnixNano);
            deps.metrics.record(name, value, typeof dimension === 'string' ? dimension.slice(0, 120) : undefined, at);
          }
        }
      }
    }
    return c.json({
      partialSuccess:
        rejected > 0
          ? {
              rejectedDataPoints: rejected,
              errorMessage: `not in Kura's metric catalogue as a sum or gauge: ${[...unknownNames].slice(0, 10).join(', ')}`,
            }
          : {},
    });
  });

  return router;
}

/** `OrdersPlaced` or `kura.OrdersPlaced`: a name of the catalogue. */
function catalogueName(name: string): MetricName | undefined {
  const bare = name.startsWith('kura.') ? name.slice('kura.'.length) : name;
  return Object.hasOwn(metricCatalogue, bare) ? (bare as MetricName) : undefined;
}

async function readJson(contentType: string | undefined, body: Promise<string>): Promise<unknown> {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'This receiver takes OTLP/HTTP in JSON encoding (Content-Type: application/json); protobuf is not supported',
    );
  }
  const text = await body;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('MALFORMED_REQUEST', 'The body is not valid JSON');
  }
}
