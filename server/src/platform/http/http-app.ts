import { httpInstrumentationMiddleware } from '@hono/otel';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { TracerProvider } from '@opentelemetry/api';
import type { Context, Env, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from '../observability/logger.js';
import { metrics } from '../observability/metrics.js';
import { withoutQueryValues } from '../observability/safe-error.js';
import { type AppEnv, createRouter } from './app-env.js';
import { AppError, errorResponse, toAppError } from './errors.js';

export type HttpAppOptions = {
  logger: Logger;
  tracerProvider: TracerProvider;
  serviceName: string;
  /** Throws when a dependency the API needs (the database) is unreachable. */
  checkReady: () => Promise<void>;
  maxBodyBytes?: number;
  /** Larger limits for the few routes that take files (a CSV import), by exact path. */
  largeBodyPaths?: Readonly<Record<string, number>>;
  /** Other browser origins allowed to call the API (the SPA itself is same-origin). */
  corsOrigins?: readonly string[];
  /** Origins the browser posts uploads to besides the site (the S3 bucket), for the CSP. */
  uploadOrigins?: readonly string[];
  /**
   * Exact paths answered without a server span, an access log line or the HTTP metrics: the OTLP
   * receiver's, whose posts carry other processes' telemetry (tracing them would make a trace per export).
   */
  untracedPaths?: readonly string[];
};

function defaultCsp(uploadOrigins: readonly string[]): string {
  const self = ["'self'", ...uploadOrigins].join(' ');
  return [
    "default-src 'self'",
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "script-src 'self'",
    `connect-src ${self}`,
    "font-src 'self' data:",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    `form-action ${self}`,
  ].join('; ');
}

const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Liveness (`/health`, and `/api/health`: the same check reached through
 * CloudFront's `/api/*` route) and readiness (`/ready`: 503 until `checkReady`
 * passes). The starting server and the running app both answer them.
 */
export function mountProbes<E extends Env>(
  app: Hono<E>,
  options: { checkReady: () => Promise<void>; notReady?: 'unavailable' | 'starting' },
): void {
  const health = (c: Context) => c.json({ status: 'ok' });
  app.get('/health', health);
  app.get('/api/health', health);
  app.get('/ready', async (c) => {
    try {
      await options.checkReady();
      return c.json({ status: 'ready' });
    } catch {
      return c.json({ status: options.notReady ?? 'unavailable' }, 503);
    }
  });
}

/** Refuses a body past `maxSize` bytes with 413 PAYLOAD_TOO_LARGE, read or not. */
export function limitBody(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', `Request body is too large (at most ${maxSize} bytes)`);
    },
  });
}

/**
 * The platform half of the HTTP app: request ids, tracing, access logs,
 * security headers, health checks and the one error handler. Modules mount
 * their routers on it; the composition root decides the order.
 */
export function createHttpApp(options: HttpAppOptions): OpenAPIHono<AppEnv> {
  const app = createRouter();

  // Health checks come before tracing and access logs: a load balancer polls them
  // every few seconds, and those requests would crowd out the real ones.
  mountProbes(app, { checkReady: options.checkReady });

  app.use(
    requestId({
      // A caller's id is kept only when it is safe to log and echo.
      generator: (c) => {
        const incoming = c.req.header('x-request-id');
        return incoming && requestIdPattern.test(incoming) ? incoming : crypto.randomUUID();
      },
    }),
  );
  const untraced = new Set(options.untracedPaths ?? []);
  const instrumentation = httpInstrumentationMiddleware({
    serviceName: options.serviceName,
    tracerProvider: options.tracerProvider,
    spanNameFactory: (c) => `${c.req.method} ${c.req.routePath}`,
  });
  app.use((c, next) => (untraced.has(c.req.path) ? next() : instrumentation(c, next)));
  app.use(async (c, next) => {
    if (untraced.has(c.req.path)) return next();
    const started = performance.now();
    const logger = options.logger.child({ requestId: c.get('requestId') });
    c.set('logger', logger);
    await next();
    const fields = {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    };
    const route = `${c.req.method} ${c.req.routePath}`;
    metrics.count('HttpRequests', 1, route);
    metrics.observe('HttpLatency', fields.durationMs, route);
    if (c.res.status >= 500) metrics.count('Http5xx', 1, route);
    if (c.res.status >= 500) logger.error(fields, 'request failed');
    else logger.info(fields, 'request');
  });
  const csp = defaultCsp(options.uploadOrigins ?? []);
  app.use(async (c, next) => {
    await next();
    // A route with stricter or looser needs (media, API docs) sets its own policy first.
    if (!c.res.headers.has('Content-Security-Policy')) c.res.headers.set('Content-Security-Policy', csp);
  });
  app.use(
    secureHeaders({
      strictTransportSecurity: 'max-age=63072000; includeSubDomains',
      referrerPolicy: 'strict-origin-when-cross-origin',
      crossOriginEmbedderPolicy: false,
      // The same answer as the CSP's frame-ancestors 'none', for browsers that read only this header.
      xFrameOptions: 'DENY',
    }),
  );
  app.use(
    '/api/*',
    cors({
      origin: [...(options.corsOrigins ?? [])],
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'X-Request-Id', 'traceparent'],
      exposeHeaders: ['ETag', 'X-Request-Id', 'Retry-After'],
      maxAge: 600,
    }),
  );
  const defaultLimit = limitBody(options.maxBodyBytes ?? 1024 * 1024);
  const largeLimits = new Map(
    Object.entries(options.largeBodyPaths ?? {}).map(([path, maxSize]) => [path, limitBody(maxSize)]),
  );
  app.use('/api/*', (c, next) => (largeLimits.get(c.req.path) ?? defaultLimit)(c, next));

  app.onError((err, c) => {
    // The server span records `c.error`: the copy without a failed query's values.
    c.error = withoutQueryValues(err);
    const error = toAppError(err);
    const logger = c.get('logger') ?? options.logger;
    if (error.code === 'INTERNAL') logger.error({ err }, 'unhandled error');
    else if (error.code === 'SERVICE_UNAVAILABLE') logger.warn({ err }, 'request refused: service unavailable');
    return errorResponse(c, error);
  });
  app.notFound((c) => errorResponse(c, new AppError('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`)));
  return app;
}
