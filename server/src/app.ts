import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createDeadLettersRouter } from './flows/dead-letters/dead-letters-router.js';
import { type EventRuntime, type EventRuntimeRole, startEventRuntime } from './flows/event-runtime.js';
import { createStaffOverviewRouter } from './flows/staff-overview/staff-overview-router.js';
import {
  catalogLargeBodies,
  createCatalogRouter,
  createCatalogStaffRouter,
  createProductImagesRouter,
  findProductFacts,
  productNamesBySku,
  type StockReadModel,
} from './modules/catalog/public.js';
import {
  createIdentityRouter,
  type DemoSignIn,
  directoryForIssuer,
  identityAuthentication,
  type LocalProvider,
  recordAudit,
  startLocalProvider,
  userEmailsById,
} from './modules/identity/public.js';
import {
  availabilityStatus,
  availableUnits,
  commitOrder,
  createInventoryRouter,
  createOpeningStock,
} from './modules/inventory/public.js';
import { createOrderingRouter } from './modules/ordering/public.js';
import {
  createDeviceKeyChecker,
  createIngestRouter,
  createInProcessAlertNotifier,
  createPostgresReadingsStore,
  createTelemetryRouter,
  openReadingsStore,
  type ReadingsStore,
} from './modules/telemetry/public.js';
import { createTodosRouter, deleteAllTodosOf } from './modules/todos/public.js';
import { authenticate, requireRole } from './platform/auth/authenticate.js';
import { issuerTokenVerifier, type JwtVerifier } from './platform/auth/jwt-verifier.js';
import { declaredServiceScopes, otlpScope } from './platform/auth/service-scopes.js';
import { type Config, ConfigError } from './platform/config/config.js';
import { type Database, type DatabaseHandle, openDatabase } from './platform/db/database.js';
import { applyMigrations } from './platform/db/migrate.js';
import { faultMiddleware } from './platform/faults/apply-faults.js';
import {
  createFaultSwitches,
  createInProcessFaultStore,
  type FaultSwitches,
  routeGroupOf,
} from './platform/faults/fault-switches.js';
import { createFaultSwitchesRouter } from './platform/faults/fault-switches-router.js';
import { openFaultSwitches } from './platform/faults/open-fault-switches.js';
import { mountApiDocs } from './platform/http/api-docs.js';
import type { AppEnv } from './platform/http/app-env.js';
import { AppError, errorResponse } from './platform/http/errors.js';
import { createHttpApp } from './platform/http/http-app.js';
import { mountLocalUploads, mountMedia, uploadFormBytes } from './platform/http/media.js';
import { createRateLimiter, limitPerCaller } from './platform/http/rate-limiter.js';
import { mountStaticSite } from './platform/http/static-site.js';
import { type AlarmMonitor, createAlarmMonitor } from './platform/observability/alarms.js';
import { createAlarmsRouter } from './platform/observability/alarms-router.js';
import { LogBuffer } from './platform/observability/log-buffer.js';
import type { Logger } from './platform/observability/logger.js';
import { MetricStore } from './platform/observability/metrics.js';
import { createOpsRouter } from './platform/observability/ops-router.js';
import { createOtlpReceiver, otlpPaths } from './platform/observability/otlp-receiver.js';
import type { Tracing } from './platform/observability/tracing.js';
import { localUploadPath } from './platform/storage/filesystem-storage.js';
import type { ObjectStorage } from './platform/storage/object-storage.js';
import { openObjectStorage } from './platform/storage/open-storage.js';

export type AppServices = {
  config: Config;
  /** Verifies OIDC access tokens (Cognito on AWS, the local provider offline, test keys in tests). */
  verifyAccessToken: JwtVerifier;
  /** The issuer the SPA signs in with: the configured one, or the local provider's (known once it started). */
  issuer?: string | undefined;
  database: DatabaseHandle;
  storage: ObjectStorage;
  logger: Logger;
  tracing: Tracing;
  /** The log lines this process keeps for the operations API; a process that keeps none gets an empty one. */
  logs?: LogBuffer | undefined;
  /** The metrics this process keeps (startMetrics); a process that keeps none gets an empty store. */
  metrics?: MetricStore | undefined;
  /** The catalogue's alarms evaluated over `metrics` (the process runs it); by default one nobody runs. */
  alarms?: AlarmMonitor | undefined;
  /** The event runtime: its transport's dead letters staff list and redrive; woken after each write. */
  events: Pick<EventRuntime, 'transport' | 'wake'>;
  /** The fault switches, shared with the event runtime's consumer; by default this process's own (all off). */
  faults?: FaultSwitches;
  /** Where sensor readings live (TELEMETRY_STORE); by default the main database. */
  readings?: ReadingsStore;
};

const apiVersion = '0.1.0';
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * The composition root: builds each module's dependencies once and mounts the
 * routers explicitly: public ones first, then the authentication middleware,
 * then every router that needs a caller.
 */
export function createApp(services: AppServices): OpenAPIHono<AppEnv> {
  const { config, database, storage, logger, tracing, verifyAccessToken } = services;
  const faults = services.faults ?? createFaultSwitches({ store: createInProcessFaultStore(), refreshMs: 0 });
  const metricStore = services.metrics ?? new MetricStore(1, 1);
  // The OTLP receiver is the local process's, on a loopback address only: Kura's other processes on this machine.
  const receivesOtlp = config.profile === 'local' && loopbackHosts.has(config.http.host);
  const app = createHttpApp({
    logger,
    tracerProvider: tracing.provider,
    serviceName: config.tracing.serviceName,
    checkReady: () => database.ping(),
    corsOrigins: config.corsOrigins,
    largeBodyPaths: {
      ...Object.fromEntries(Object.entries(catalogLargeBodies).map(([path, maxBytes]) => [`/api${path}`, maxBytes])),
      // The local store takes browser uploads itself; with S3 the browser posts to the bucket.
      ...(storage.receiveUpload ? { [localUploadPath]: uploadFormBytes(config.media.maxUploadBytes) } : {}),
    },
    uploadOrigins: storage.uploadOrigin ? [storage.uploadOrigin] : [],
    untracedPaths: receivesOtlp ? otlpPaths : [],
  });

  const stock: StockReadModel = { availableUnits, availabilityStatus };
  const mediaUrl = (key: string) => `/media/${key}`;
  const catalogDeps = { db: database.db, stock, mediaUrl };
  // Learning tool, off by default: a route group's switch adds latency or failures (platform/faults),
  // in front of everything the group answers, public or not, as an outage would be.
  app.use('/api/*', faultMiddleware(faults, routeGroupOf));
  app.route('/api', createCatalogRouter(catalogDeps));
  mountApiDocs(app, { title: 'Kura', version: apiVersion });
  const { rateLimits } = config;
  const readings = services.readings ?? createPostgresReadingsStore(database.db);
  const telemetryDeps = {
    db: database.db,
    readings,
    recordAudit,
    deviceKeys: createDeviceKeyChecker(database.db),
    ingestLimiter: createRateLimiter(rateLimits.ingest),
    // Alert rules are evaluated in this process after ingest commits; an alert raised or cleared
    // put an event in the outbox, which the relay publishes now.
    readingsStored: createInProcessAlertNotifier({
      db: database.db,
      readings,
      logger,
      afterChange: () => services.events.wake(),
    }),
    now: () => new Date(),
  };
  // Public: each device authenticates with its own key, not a person's token.
  app.use(
    '/ingest/*',
    faultMiddleware(faults, () => 'ingest'),
  );
  app.route('/', createIngestRouter(telemetryDeps));
  // Public: the signed form is the authorization (only the API issues it, to staff).
  mountLocalUploads(app, storage);
  if (receivesOtlp) {
    // The worker entry, the device simulator and the load generator send their spans and metrics here,
    // with a staff token or a service token holding otlp:write (no other route accepts that scope).
    app.use(
      '/v1/*',
      authenticate(identityAuthentication({ db: database.db, verifyAccessToken, serviceScopeOf: () => otlpScope })),
      requireRole('staff', 'admin'),
    );
    app.route('/', createOtlpReceiver({ spans: tracing.spanStore, metrics: metricStore }));
  }

  // A successful write may have put events in the outbox (checkout, cancel, ship…): the relay
  // publishes them now rather than at its next idle poll (up to 2 s later).
  app.use('/api/*', async (c, next) => {
    await next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.res.status < 400) services.events.wake();
  });

  // Everything below needs a caller: a bearer access token or a service token.
  app.use(
    '/api/*',
    authenticate(
      identityAuthentication({ db: database.db, verifyAccessToken, serviceScopeOf: declaredServiceScopes(app) }),
    ),
  );
  app.use('/api/admin/*', requireRole('admin'));
  // The back office: staff and admins run the shop (products, stock, orders).
  app.use('/api/staff/*', requireRole('staff', 'admin'));
  // Storehouse sensor readings: for the people who look after the stock.
  app.use('/api/telemetry/*', requireRole('staff', 'admin'));
  // The operations console's data (traces, logs, metrics, alarms): for the people who run the shop.
  app.use('/api/ops/*', requireRole('staff', 'admin'));
  // Costly writes, limited per caller (per task: see rate-limiter.ts).
  app.post('/api/orders', limitPerCaller(createRateLimiter(rateLimits.checkout), { action: 'checkout' }));
  app.post(
    '/api/staff/products/import',
    limitPerCaller(createRateLimiter(rateLimits.productImports), { action: 'product import' }),
  );
  app.post(
    '/api/staff/products/:id/images/uploads',
    limitPerCaller(createRateLimiter(rateLimits.imageUploads), { action: 'image upload' }),
  );
  app.route(
    '/api',
    createIdentityRouter({
      db: database.db,
      directory: directoryForIssuer(config.auth.issuer, database.db),
      // Deleting a user removes what other modules keep for them, in the same transaction.
      removeOwnedData: async (tx, userId) => {
        await deleteAllTodosOf(tx, { userId });
      },
    }),
  );
  app.route('/api', createTodosRouter({ db: database.db }));
  app.route('/api', createTelemetryRouter(telemetryDeps));
  app.route(
    '/api',
    createDeadLettersRouter({
      db: database.db,
      transport: services.events.transport,
      recordRedrive: ({ actorId, ids, moved }) =>
        recordAudit(database.db, {
          actorId,
          action: 'dead_letters.redriven',
          subjectType: 'dead_letter',
          subjectId: ids === 'all' ? 'all' : ids.join(','),
          after: { ids, moved },
        }),
      drill: config.profile === 'local',
    }),
  );
  app.route(
    '/api',
    createOpsRouter({
      spans: tracing.spanStore,
      logs: services.logs ?? new LogBuffer(1),
      metrics: metricStore,
    }),
  );
  app.route(
    '/api',
    createAlarmsRouter({
      alarms: services.alarms ?? createAlarmMonitor({ store: metricStore }),
    }),
  );
  app.route(
    '/api',
    createFaultSwitchesRouter({
      switches: faults,
      recordChange: ({ actorId, target, before, after }) =>
        recordAudit(database.db, {
          actorId,
          action: 'fault_switch.changed',
          subjectType: 'fault_switch',
          subjectId: target,
          before,
          after,
        }),
    }),
  );
  app.route('/api', createStaffOverviewRouter({ db: database.db, transport: services.events.transport }));
  app.route('/api', createCatalogStaffRouter({ ...catalogDeps, openingStock: createOpeningStock }));
  app.route('/api', createInventoryRouter({ db: database.db, productNames: productNamesBySku }));
  app.route(
    '/api',
    createProductImagesRouter({ db: database.db, storage, mediaUrl, maxUploadBytes: config.media.maxUploadBytes }),
  );
  app.route(
    '/api',
    createOrderingRouter({
      db: database.db,
      products: (db, ids) => findProductFacts(db, { ids, stock }),
      commitStock: commitOrder,
      customerEmails: userEmailsById,
    }),
  );

  app.all('/api/*', (c) =>
    errorResponse(c, new AppError('NOT_FOUND', `No API route for ${c.req.method} ${c.req.path}`)),
  );
  // The SPA's runtime settings. On AWS the deploy writes this file into the web
  // bucket (Cognito's issuer and client); locally Kura is its own issuer.
  app.get('/config.json', (c) => {
    const origin = new URL(c.req.url).origin;
    c.header('Cache-Control', 'no-cache');
    return c.json({
      profile: config.profile,
      apiBaseUrl: '/api',
      oidc: {
        issuer: services.issuer ?? config.auth.issuer ?? `${origin}/oidc`,
        // Cognito's access tokens name the app client as their audience (client_id).
        clientId: config.auth.issuer ? config.auth.audience : 'kura-web',
        authDomain: null,
        scope: 'openid profile email offline_access',
        // The local provider adds Kura's API as the default resource; Cognito has none.
        resource: null,
      },
    });
  });
  mountMedia(app, storage);
  mountStaticSite(app, config.webDist);
  return app;
}

export type ComposeOptions = {
  config: Config;
  logger: Logger;
  tracing: Tracing;
  logs?: LogBuffer | undefined;
  metrics?: MetricStore | undefined;
  alarms?: AlarmMonitor | undefined;
  /**
   * Where this server answers (http://localhost:PORT): the local provider's issuer lives under it. A
   * Lambda function has none; it needs none, since an AWS environment configures its issuer.
   */
  origin?: string;
  /** Which part of the event flow this process runs (event-runtime.ts); by default local or api, by profile. */
  eventRole?: EventRuntimeRole;
  /** Apply migrations before serving (local); on AWS a deploy step does it. */
  migrate: boolean;
  /** One line as each step finishes, for the person watching the start. */
  progress: (line: string) => void;
};

export type SignInInfo = {
  /** The OIDC issuer: the configured one, or the local provider under `/oidc`. */
  issuer: string;
  local: boolean;
  /** The local profile's demo accounts (never on AWS). */
  demoSignIns: readonly DemoSignIn[];
};

/** Kura assembled in this process: what answers requests, who signs people in, and what shutdown closes. */
export type ComposedKura = {
  /** The Hono app itself, for a host that is not a Node server (hono/aws-lambda). */
  app: OpenAPIHono<AppEnv>;
  listener: (req: IncomingMessage, res: ServerResponse) => unknown;
  signIn: SignInInfo;
  localProvider: LocalProvider | undefined;
  events: EventRuntime;
  database: DatabaseHandle;
};

/**
 * Builds everything an API process runs, once, in order: the database (and
 * its migrations), object storage, the demo data, the sign-in provider, the
 * event runtime and the app. A step that fails closes what the earlier ones
 * opened, so the caller has nothing to clean up.
 */
export async function composeKura(options: ComposeOptions): Promise<ComposedKura> {
  const { config, logger, progress } = options;
  const database = await openKuraDatabase(config, progress);
  let localProvider: LocalProvider | undefined;
  try {
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
    if (config.demoData) await loadDemoStorehouse({ db: database.db, storage, progress });
    let signIn: SignInInfo;
    if (config.auth.issuer === undefined) {
      if (options.origin === undefined) throw new ConfigError('KURA_OIDC_ISSUER must be set where Kura has no origin');
      const t = performance.now();
      localProvider = await startLocalProvider({
        db: database.db,
        origin: options.origin,
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
    // One set of switches for the API and the consumer in this process (on AWS, SSM's for every task).
    const faults = openFaultSwitches(config.faults, logger);
    const events = startEventRuntime({
      role: options.eventRole ?? (config.profile === 'local' ? 'local' : 'api'),
      config: config.events,
      db: database.db,
      listen: database.listen,
      logger,
      faults,
    });
    const readings = await openReadingsStore(config.telemetry, database.db);
    const app = createApp({
      config,
      database,
      readings,
      storage,
      logger,
      tracing: options.tracing,
      logs: options.logs,
      metrics: options.metrics,
      alarms: options.alarms,
      verifyAccessToken: localProvider?.verifyAccessToken ?? issuerTokenVerifier(config.auth),
      issuer: signIn.issuer,
      events,
      faults,
    });
    const appListener = getRequestListener(app.fetch);
    // The local provider's issuer lives under this server's origin.
    const listener = localProvider
      ? withLocalProvider(appListener, localProvider, new URL(localProvider.issuer).origin)
      : appListener;
    return { app, listener, signIn, localProvider, events, database };
  } catch (error) {
    // What opened closes again: the caller never saw it.
    localProvider?.close();
    await database.close().catch(() => {});
    throw error;
  }
}

async function loadDemoStorehouse(params: {
  db: Database;
  storage: ObjectStorage;
  progress: (line: string) => void;
}): Promise<void> {
  const t = performance.now();
  // Loaded only here: the demo storehouse is for local runs and stays out of the AWS bundles.
  const { loadDemoData } = await import('./flows/load-demo-data.js');
  const result = await loadDemoData({ db: params.db, storage: params.storage });
  params.progress(
    result.loaded
      ? `demo data loaded: ${result.products} products, ${result.images} images (${seconds(t)})`
      : 'demo data already present',
  );
  const sensors = performance.now();
  const { loadDemoTelemetry } = await import('./flows/load-demo-telemetry.js');
  const telemetry = await loadDemoTelemetry({ db: params.db, readings: createPostgresReadingsStore(params.db) });
  if (telemetry.loaded) {
    params.progress(
      `demo sensors loaded: ${telemetry.devices} devices, ${telemetry.readings} readings (${seconds(sensors)})`,
    );
  }
}

async function openKuraDatabase(config: Config, progress: (line: string) => void): Promise<DatabaseHandle> {
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
  const database = await openDatabase(config.database);
  progress(`database open (${seconds(started)})`);
  return database;
}

type NodeListener = ComposedKura['listener'];

/** The local provider answers its own paths (under /oidc); the app answers the rest. */
function withLocalProvider(app: NodeListener, provider: LocalProvider, origin: string): NodeListener {
  const redirectToIssuerHost = issuerHostRedirect(origin);
  return (req, res) => {
    if (redirectToIssuerHost(req, res)) return;
    return provider.owns(req.url) ? provider.handle(req, res) : app(req, res);
  };
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

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
