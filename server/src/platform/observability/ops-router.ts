import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireUser } from '../auth/authenticate.js';
import { type AppEnv, createRouter } from '../http/app-env.js';
import { AppError, errorResponses } from '../http/errors.js';
import { dashboardCatalogue, type MetricName, metricCatalogue, type Statistic } from './catalogue.js';
import { type LogBuffer, logLevels } from './log-buffer.js';
import type { MetricStore } from './metrics.js';
import type { SpanStore } from './tracing.js';

/**
 * The operations API (staff, admin): the traces, logs, metrics and alarms
 * this process keeps in memory, for the console at /admin/ops. On AWS the same
 * data is in X-Ray and CloudWatch; this is what works offline.
 */

const traceIdSchema = z
  .string()
  .regex(/^[0-9a-f]{32}$/, 'a W3C trace id: 32 lowercase hex digits')
  .openapi({ example: '0af7651916cd43dd8448eb211c80319c' });

const spanStatusSchema = z.enum(['ok', 'error', 'unset']);

const spanSchema = z
  .object({
    spanId: z.string(),
    parentSpanId: z.string().nullable().openapi({ description: 'null for the first span this store saw of the trace' }),
    name: z.string().openapi({ example: 'GET /api/products' }),
    service: z.string().openapi({ description: 'The process that recorded it (OTel service.name)', example: 'kura' }),
    kind: z.enum(['INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER']),
    startTime: z.iso.datetime(),
    durationMs: z.number(),
    status: spanStatusSchema,
    attributes: z.record(z.string(), z.unknown()),
  })
  .openapi('OpsSpan');

const traceSchema = z.object({ traceId: z.string(), spans: z.array(spanSchema) }).openapi('OpsTrace');

const traceSummarySchema = z
  .object({
    traceId: z.string(),
    name: z.string().openapi({ description: "The entry span's name" }),
    service: z.string(),
    route: z.string().nullable().openapi({ example: 'POST /api/orders' }),
    httpStatus: z.int().nullable(),
    startTime: z.iso.datetime(),
    durationMs: z.number(),
    status: spanStatusSchema.openapi({ description: 'error when any span of the trace failed' }),
    spanCount: z.int(),
  })
  .openapi('OpsTraceSummary');

const limitSchema = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(1, 'must be between 1 and 100')
    .max(100, 'must be between 1 and 100')
    .default(fallback);

export const getOpsTraceRoute = createRoute({
  operationId: 'getOpsTrace',
  method: 'get',
  path: '/ops/traces/{traceId}',
  tags: ['Operations'],
  summary: "One trace's spans, in start order, from every process that reported them (staff)",
  security: [{ bearer: [] }],
  request: { params: z.object({ traceId: traceIdSchema }) },
  responses: {
    200: { description: 'The spans', content: { 'application/json': { schema: traceSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export const searchOpsTracesRoute = createRoute({
  operationId: 'searchOpsTraces',
  method: 'get',
  path: '/ops/traces',
  tags: ['Operations'],
  summary: 'Recent traces, newest first, by route, status and duration (staff)',
  security: [{ bearer: [] }],
  request: {
    query: z.object({
      route: z.string().trim().min(1).max(200).optional().openapi({ description: 'Part of the route or span name' }),
      status: spanStatusSchema.optional(),
      minDurationMs: z.coerce
        .number({ error: 'must be a number' })
        .min(0, 'must be at least 0')
        .max(3_600_000, 'must be at most 3600000')
        .optional(),
      limit: limitSchema(50),
    }),
  },
  responses: {
    200: {
      description: 'The traces',
      content: { 'application/json': { schema: z.object({ items: z.array(traceSummarySchema) }) } },
    },
    ...errorResponses(400, 401, 403),
  },
});

const logRecordSchema = z
  .object({
    time: z.iso.datetime(),
    level: z.enum(logLevels),
    module: z.string().openapi({ example: 'http' }),
    msg: z.string(),
    traceId: z.string().nullable(),
    spanId: z.string().nullable(),
    requestId: z.string().nullable(),
    fields: z.record(z.string(), z.unknown()).openapi({ description: 'The rest of the line, credentials redacted' }),
  })
  .openapi('OpsLogRecord');

export const searchOpsLogsRoute = createRoute({
  operationId: 'searchOpsLogs',
  method: 'get',
  path: '/ops/logs',
  tags: ['Operations'],
  summary: 'Recent structured log lines, newest first, by level, module and trace (staff)',
  security: [{ bearer: [] }],
  request: {
    query: z.object({
      level: z.enum(logLevels).optional().openapi({ description: 'This level and above' }),
      module: z
        .string()
        .regex(/^[a-z0-9-]{1,40}$/, 'a module name: lowercase letters, digits and -')
        .optional()
        .openapi({ example: 'http' }),
      traceId: traceIdSchema.optional(),
      since: z.iso.datetime().max(40).optional().openapi({ description: 'Only lines after this time (live tail)' }),
      limit: limitSchema(100),
    }),
  },
  responses: {
    200: {
      description: 'The lines',
      content: { 'application/json': { schema: z.object({ items: z.array(logRecordSchema) }) } },
    },
    ...errorResponses(400, 401, 403),
  },
});

const metricNames = Object.keys(metricCatalogue) as [MetricName, ...MetricName[]];
const statistics = ['Sum', 'Average', 'Maximum', 'Minimum', 'SampleCount', 'p99'] as const satisfies Statistic[];

const metricSeriesSchema = z
  .object({
    metric: z.enum(metricNames),
    unit: z.enum(['Count', 'Milliseconds']),
    dimension: z.string().nullable().openapi({ description: 'The route or event type; null: the metric as a whole' }),
    statistic: z.enum(statistics),
    periodSeconds: z.int(),
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    datapoints: z
      .array(z.object({ timestamp: z.iso.datetime(), value: z.number() }))
      .openapi({ description: 'One per period that has data, oldest first; periods without data are absent' }),
    dimensions: z.array(z.string()).openapi({ description: 'The dimension values seen for this metric (routes…)' }),
  })
  .openapi('OpsMetricSeries');

export const getOpsMetricRoute = createRoute({
  operationId: 'getOpsMetric',
  method: 'get',
  path: '/ops/metrics',
  tags: ['Operations'],
  summary: "One catalogue metric's datapoints over a range, as CloudWatch would answer them (staff)",
  security: [{ bearer: [] }],
  request: {
    query: z.object({
      metric: z.enum(metricNames).default('HttpRequests'),
      dimension: z.string().trim().min(1).max(120).optional().openapi({ example: 'GET /api/products' }),
      statistic: z.enum(statistics).default('Sum'),
      periodSeconds: z.coerce
        .number({ error: 'must be a number' })
        .int('must be an integer')
        .refine((n) => n >= 60 && n <= 86_400 && n % 60 === 0, 'must be a multiple of 60 between 60 and 86400')
        .default(60),
      from: z.iso.datetime().max(40).optional().openapi({ description: 'Default: an hour before `to`' }),
      to: z.iso.datetime().max(40).optional().openapi({ description: 'Default: now' }),
    }),
  },
  responses: {
    200: { description: 'The series', content: { 'application/json': { schema: metricSeriesSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

const dashboardSchema = z
  .object({
    metrics: z.array(
      z.object({
        name: z.enum(metricNames),
        unit: z.enum(['Count', 'Milliseconds']),
        dimension: z.string().nullable(),
        description: z.string(),
      }),
    ),
    widgets: z.array(
      z.object({
        title: z.string(),
        metrics: z.array(z.object({ metric: z.enum(metricNames), statistic: z.enum(statistics) })),
      }),
    ),
  })
  .openapi('OpsDashboard');

export const getOpsDashboardRoute = createRoute({
  operationId: 'getOpsDashboard',
  method: 'get',
  path: '/ops/dashboard',
  tags: ['Operations'],
  summary: 'The metric catalogue and the dashboard widgets, the same the CloudWatch dashboard is built from (staff)',
  security: [{ bearer: [] }],
  responses: {
    200: { description: 'The catalogue', content: { 'application/json': { schema: dashboardSchema } } },
    ...errorResponses(401, 403),
  },
});

const processSchema = z
  .object({
    pid: z.int(),
    uptimeSeconds: z.number(),
    memory: z.object({
      rssBytes: z.int(),
      heapUsedBytes: z.int(),
      heapTotalBytes: z.int(),
      externalBytes: z.int(),
    }),
    stores: z
      .object({
        spans: z.int(),
        spanBytes: z.int(),
        logLines: z.int(),
        logBytes: z.int(),
        metricSeries: z.int(),
        metricMinutes: z.int(),
      })
      .openapi({ description: 'What the in-memory stores hold now; each is bounded' }),
  })
  .openapi('OpsProcess');

export const getOpsProcessRoute = createRoute({
  operationId: 'getOpsProcess',
  method: 'get',
  path: '/ops/process',
  tags: ['Operations'],
  summary: "This process's memory and what its trace, log and metric stores hold: flat under load, or a leak (staff)",
  security: [{ bearer: [] }],
  responses: {
    200: { description: 'The figures', content: { 'application/json': { schema: processSchema } } },
    ...errorResponses(401, 403),
  },
});

export type OpsDeps = {
  spans: SpanStore;
  logs: LogBuffer;
  metrics: MetricStore;
};

export function createOpsRouter(deps: OpsDeps): OpenAPIHono<AppEnv> {
  const router = createRouter();

  router.openapi(getOpsTraceRoute, (c) => {
    const { traceId } = c.req.valid('param');
    requireUser(c, 'staff', 'admin');
    const spans = deps.spans.traceOf(traceId);
    if (spans.length === 0) throw new AppError('NOT_FOUND', 'No spans of this trace are kept here');
    return c.json(
      {
        traceId,
        spans: spans.map(({ traceId: _, parentSpanId, kind, ...span }) => ({
          ...span,
          kind: kind as z.infer<typeof spanSchema>['kind'],
          parentSpanId: parentSpanId ?? null,
        })),
      },
      200,
    );
  });

  router.openapi(searchOpsTracesRoute, (c) => {
    const query = c.req.valid('query');
    requireUser(c, 'staff', 'admin');
    const items = deps.spans
      .searchTraces(query)
      .map((t) => ({ ...t, route: t.route ?? null, httpStatus: t.httpStatus ?? null }));
    return c.json({ items }, 200);
  });

  router.openapi(searchOpsLogsRoute, (c) => {
    const query = c.req.valid('query');
    requireUser(c, 'staff', 'admin');
    const items = deps.logs.search(query).map((line) => ({
      ...line,
      level: (logLevels as readonly string[]).includes(line.level)
        ? (line.level as (typeof logLevels)[number])
        : 'info',
      traceId: line.traceId ?? null,
      spanId: line.spanId ?? null,
      requestId: line.requestId ?? null,
    }));
    return c.json({ items }, 200);
  });

  router.openapi(getOpsMetricRoute, (c) => {
    const query = c.req.valid('query');
    requireUser(c, 'staff', 'admin');
    const to = query.to ? Date.parse(query.to) : Date.now();
    const from = query.from ? Date.parse(query.from) : to - 3_600_000;
    if (from >= to)
      throw new AppError('VALIDATION_FAILED', 'from must be before to', [
        { path: 'from', message: 'must be before to' },
      ]);
    if (to - from > 7 * 86_400_000) {
      throw new AppError('VALIDATION_FAILED', 'A range spans at most 7 days', [
        { path: 'from', message: 'at most 7 days before to' },
      ]);
    }
    const definition: { unit: 'Count' | 'Milliseconds' } = metricCatalogue[query.metric];
    return c.json(
      {
        metric: query.metric,
        unit: definition.unit,
        dimension: query.dimension ?? null,
        statistic: query.statistic,
        periodSeconds: query.periodSeconds,
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        datapoints: deps.metrics.query({ ...query, from, to }),
        dimensions: deps.metrics.dimensionsOf(query.metric).slice(0, 100),
      },
      200,
    );
  });

  router.openapi(getOpsProcessRoute, (c) => {
    requireUser(c, 'staff', 'admin');
    const memory = process.memoryUsage();
    const spans = deps.spans.size;
    const logs = deps.logs.size;
    const metrics = deps.metrics.size;
    return c.json(
      {
        pid: process.pid,
        uptimeSeconds: Math.round(process.uptime()),
        memory: {
          rssBytes: memory.rss,
          heapUsedBytes: memory.heapUsed,
          heapTotalBytes: memory.heapTotal,
          externalBytes: memory.external,
        },
        stores: {
          spans: spans.spans,
          spanBytes: spans.bytes,
          logLines: logs.lines,
          logBytes: logs.bytes,
          metricSeries: metrics.series,
          metricMinutes: metrics.buckets,
        },
      },
      200,
    );
  });

  router.openapi(getOpsDashboardRoute, (c) => {
    requireUser(c, 'staff', 'admin');
    const metrics = metricNames.map((name) => {
      const definition: { unit: 'Count' | 'Milliseconds'; dimension?: string; description: string } =
        metricCatalogue[name];
      return {
        name,
        unit: definition.unit,
        dimension: definition.dimension ?? null,
        description: definition.description,
      };
    });
    return c.json({ metrics, widgets: dashboardCatalogue.map((w) => ({ ...w, metrics: [...w.metrics] })) }, 200);
  });

  return router;
}
