import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from './app.js';
import { type EventRuntime, startEventRuntime } from './flows/event-runtime.js';
import { type DemoSignIn, type LocalProvider, startLocalProvider } from './modules/identity/public.js';
import { issuerTokenVerifier } from './platform/auth/jwt-verifier.js';
import type { Config } from './platform/config/config.js';
import { type DatabaseHandle, openDatabase } from './platform/db/database.js';
import { applyMigrations } from './platform/db/migrate.js';
import { AppError, errorResponse } from './platform/http/errors.js';
import { mountProbes } from './platform/http/http-app.js';
import { createLogger, type Logger } from './platform/observability/logger.js';
import { startTracing, type Tracing } from './platform/observability/tracing.js';
import { openObjectStorage } from './platform/storage/open-storage.js';

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

export type SignInInfo = {
  /** The OIDC issuer: the configured one, or the local provider under `/oidc`. */
  issuer: string;
  local: boolean;
  /** The local profile's demo accounts (never on AWS). */
  demoSignIns: readonly DemoSignIn[];
};

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
  const logger = createLogger({ level: config.log.level, service: config.tracing.serviceName });
  const progress = options.progress ?? ((line: string) => logger.info(line));
  const tracing = startTracing(config.tracing);

  let handler: (req: IncomingMessage, res: ServerResponse) => unknown = getRequestListener(startingApp().fetch);
  const server = createServer((req, res) => handler(req, res));
  server.keepAliveTimeout = 65_000;
  await listen(server, config.http.host, config.http.port);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.http.port;
  const shownHost = config.http.host === '127.0.0.1' || config.http.host === '0.0.0.0' ? 'localhost' : config.http.host;
  const url = `http://${shownHost}:${port}`;
  progress(`listening on ${url} (it answers "starting" until ready)`);

  let database: DatabaseHandle | undefined;
  let localProvider: LocalProvider | undefined;
  let signIn: SignInInfo | undefined;
  let events: EventRuntime | undefined;
  const ready = (async () => {
    const started = performance.now();
    if (config.database.kind === 'pglite') {
      const dataDir = config.database.dataDir;
      progress(
        dataDir === undefined
          ? 'starting in-memory embedded PostgreSQL (~10 s)'
          : existsSync(join(dataDir, 'PG_VERSION'))
            ? `opening embedded PostgreSQL in ${dataDir}`
            : `creating embedded PostgreSQL in ${dataDir} (first start only, ~10 s)`,
      );
    } else {
      progress('connecting to PostgreSQL');
    }
    database = await openDatabase(config.database);
    progress(`database open (${seconds(started)})`);
    if (options.migrate) {
      const t = performance.now();
      await applyMigrations(database);
      progress(`migrations applied (${seconds(t)})`);
    }
    const storage = await openObjectStorage({
      config: config.storage,
      dataDir: config.dataDir,
      fallbackRoot: join(tmpdir(), `kura-${process.pid}`),
    });
    if (config.demoData) {
      const t = performance.now();
      // Loaded only here: the demo storehouse is for local runs and stays out of the AWS bundles.
      const { loadDemoData } = await import('./flows/load-demo-data.js');
      const result = await loadDemoData({ db: database.db, storage });
      progress(
        result.loaded
          ? `demo data loaded: ${result.products} products, ${result.images} images (${seconds(t)})`
          : 'demo data already present',
      );
    }
    if (config.auth.issuer === undefined) {
      const t = performance.now();
      localProvider = await startLocalProvider({
        db: database.db,
        origin: url,
        audience: config.auth.audience,
        appOrigins: config.corsOrigins,
        logger,
        demoAccounts: config.profile === 'local',
      });
      progress(`sign-in provider ready at ${localProvider.issuer} (${seconds(t)})`);
      signIn = { issuer: localProvider.issuer, local: true, demoSignIns: localProvider.demoSignIns };
    } else {
      signIn = { issuer: config.auth.issuer, local: false, demoSignIns: [] };
    }
    // Locally the whole event flow (checkout → stock → confirmation, the scheduled jobs) runs in
    // this process; the API service on AWS runs the relay only, the stock worker the rest.
    events = startEventRuntime({
      role: config.profile === 'local' ? 'local' : 'api',
      config: config.events,
      db: database.db,
      logger,
    });
    const app = createApp({
      config,
      database,
      storage,
      logger,
      tracing,
      verifyAccessToken: localProvider?.verifyAccessToken ?? issuerTokenVerifier(config.auth),
      issuer: signIn.issuer,
      events,
    });
    const appListener = getRequestListener(app.fetch);
    const provider = localProvider;
    const redirectToIssuerHost = issuerHostRedirect(url);
    handler = provider
      ? (req, res) => {
          if (redirectToIssuerHost(req, res)) return;
          return provider.owns(req.url) ? provider.handle(req, res) : appListener(req, res);
        }
      : appListener;
  })();
  // The caller awaits `ready`; this keeps an early failure from being unhandled meanwhile.
  ready.catch(() => {});

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= shutdown({
      server,
      database: () => database,
      localProvider: () => localProvider,
      events: () => events,
      tracing,
      logger,
      timeoutMs: config.shutdownTimeoutMs,
      ready,
    });
    return stopping;
  };
  return { url, server, ready, signIn: () => signIn, stop };
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
  database: () => DatabaseHandle | undefined;
  localProvider: () => LocalProvider | undefined;
  events: () => EventRuntime | undefined;
  tracing: Tracing;
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
  // A database still opening is closed once it has opened, so its files stay intact.
  await options.ready.catch(() => {});
  options.localProvider()?.close();
  // The event loops finish the work in hand before the database they use closes.
  await options.events()?.stop();
  await options.database()?.close();
  await options.tracing.shutdown().catch(() => {});
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

/**
 * The local provider's issuer and redirect URIs live on `origin`
 * (http://localhost:PORT). A browser that opened the same server by another
 * name (http://127.0.0.1:PORT) keeps its session storage and cookies per host,
 * so sign-in could not complete there: its page navigations are sent to the
 * same path on `origin`. API calls, probes and non-browser clients are not.
 */
function issuerHostRedirect(origin: string) {
  const { host, port } = new URL(origin);
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const navigation = req.headers['sec-fetch-mode'] === 'navigate' && (req.method === 'GET' || req.method === 'HEAD');
    if (!navigation || !req.headers.host || req.headers.host === host) return false;
    // Another name for this server (same port), not a host header we cannot read.
    if (!URL.canParse(`http://${req.headers.host}`) || new URL(`http://${req.headers.host}`).port !== port)
      return false;
    res.writeHead(308, { Location: new URL(req.url ?? '/', origin).href, 'Cache-Control': 'no-store' });
    res.end();
    return true;
  };
}
