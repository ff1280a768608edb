import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { type ComposedKura, composeKura, type SignInInfo } from './app.js';
import type { Config } from './platform/config/config.js';
import { AppError, errorResponse } from './platform/http/errors.js';
import { mountProbes } from './platform/http/http-app.js';
import { type AlarmMonitor, createAlarmMonitor } from './platform/observability/alarms.js';
import { LogBuffer } from './platform/observability/log-buffer.js';
import { createLogger, type Logger } from './platform/observability/logger.js';
import { type RunningMetrics, startMetrics } from './platform/observability/metrics.js';
import { startTracing, type Tracing } from './platform/observability/tracing.js';

export type StartOptions = {
  config: Config;
  /** Apply migrations before serving (local); on AWS a deploy step does it. */
  migrate: boolean;
  /** Human progress lines (local); `undefined` logs them as JSON instead. */
  progress?: ((line: string) => void) | undefined;
};

export type RunningServer = {
  url: string;
  server: Server;
  /** Resolves once the database is open and the full app answers. */
  ready: Promise<void>;
  /** Who signs people in, known once `ready` resolves. */
  signIn(): SignInInfo | undefined;
  stop(): Promise<void>;
};

/** CloudWatch evaluates alarms every minute; the console's learner sees a change sooner. */
const alarmEvaluationMs = 10_000;

export class StartError extends Error {
  override name = 'StartError';
}

/**
 * Starts Kura's HTTP server. It listens at once and answers "starting" (503,
 * /health 200) while the embedded database initialises, so the URL works from
 * the first second; then the full app takes over.
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options;
  const logs = new LogBuffer();
  const logger = createLogger({ level: config.log.level, service: config.tracing.serviceName, buffer: logs });
  const progress = options.progress ?? ((line: string) => logger.info(line));
  const tracing = startTracing(config.tracing);
  const metrics = startMetrics({ ...config.metrics, service: config.tracing.serviceName });
  // The catalogue's alarms over this process's own metrics, for the console (on AWS CloudWatch has them too).
  const alarms = createAlarmMonitor({ store: metrics.store });
  // With observability off (KURA_OBSERVABILITY=off) no metric is kept: nothing to evaluate.
  if (config.metrics.enabled) alarms.start(alarmEvaluationMs);

  let handler: (req: IncomingMessage, res: ServerResponse) => unknown = getRequestListener(startingApp().fetch);
  const server = createServer((req, res) => handler(req, res));
  server.keepAliveTimeout = 65_000;
  await listen(server, config.http.host, config.http.port);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.http.port;
  const shownHost = config.http.host === '127.0.0.1' || config.http.host === '0.0.0.0' ? 'localhost' : config.http.host;
  const url = `http://${shownHost}:${port}`;
  progress(`listening on ${url} (it answers "starting" until ready)`);

  // The full app takes over once composed; until then the starting page answers.
  let kura: ComposedKura | undefined;
  const ready = composeKura({
    config,
    logger,
    tracing,
    logs,
    metrics: metrics.store,
    alarms,
    origin: url,
    migrate: options.migrate,
    progress,
  }).then((composed) => {
    kura = composed;
    handler = composed.listener;
  });
  // The caller awaits `ready`; this keeps an early failure from being unhandled meanwhile.
  ready.catch(() => {});

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= shutdown({
      server,
      kura: () => kura,
      tracing,
      metrics,
      alarms,
      logger,
      timeoutMs: config.shutdownTimeoutMs,
      ready,
    });
    return stopping;
  };
  return { url, server, ready, signIn: () => kura?.signIn, stop };
}

export function startingApp() {
  const app = new Hono();
  mountProbes(app, { checkReady: () => Promise.reject(new Error('starting')), notReady: 'starting' });
  app.all('*', (c) => {
    if (c.req.path.startsWith('/api/'))
      return errorResponse(c, new AppError('SERVICE_UNAVAILABLE', 'Kura is starting'), 2);
    c.header('Retry-After', '2');
    return c.html(
      '<!doctype html><html lang="ja"><meta charset="utf-8"><meta http-equiv="refresh" content="2"><title>Kura</title><body style="font-family:sans-serif;padding:3rem"><h1>蔵 Kura</h1><p>起動しています… / Starting…</p></body></html>',
      503,
    );
  });
  return app;
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (err.code === 'EADDRINUSE')
        reject(
          new StartError(
            `Port ${port} on ${host} is already in use; stop the other process or set PORT to a free port`,
          ),
        );
      else if (err.code === 'EACCES')
        reject(new StartError(`Not allowed to listen on ${host}:${port}; set PORT to a port above 1023`));
      else if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND')
        reject(new StartError(`HOST ${host} is not an address of this machine`));
      else reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

async function shutdown(options: {
  server: Server;
  kura: () => ComposedKura | undefined;
  tracing: Tracing;
  metrics: RunningMetrics;
  alarms: AlarmMonitor;
  logger: Logger;
  timeoutMs: number;
  ready: Promise<void>;
}): Promise<void> {
  const { server, logger } = options;
  // In-flight requests finish; idle keep-alive sockets close; stragglers are cut after the timeout.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => {
    logger.warn('shutdown timeout: closing remaining connections');
    server.closeAllConnections();
  }, options.timeoutMs);
  await closed;
  clearTimeout(timer);
  // A database still opening is closed once it has opened, so its files stay intact
  // (a start that failed has closed what it opened itself).
  await options.ready.catch(() => {});
  const kura = options.kura();
  kura?.localProvider?.close();
  // The event loops finish the work in hand before the database they use closes.
  await kura?.events.stop();
  await kura?.database.close();
  await options.tracing.shutdown().catch(() => {});
  options.alarms.stop();
  await options.metrics.stop();
}
