import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireUser } from '../auth/authenticate.js';
import { type AppEnv, createRouter } from '../http/app-env.js';
import { AppError, errorResponses } from '../http/errors.js';
import { type LogBuffer, logLevels } from './log-buffer.js';
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

export type OpsDeps = {
  spans: SpanStore;
  logs: LogBuffer;
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

  return router;
}
