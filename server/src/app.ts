import type { OpenAPIHono } from '@hono/zod-openapi';
import { createDeadLettersRouter } from './flows/dead-letters/dead-letters-router.js';
import type { EventRuntime } from './flows/event-runtime.js';
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
  directoryForIssuer,
  identityAuthentication,
  recordAudit,
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
import { createTelemetryRouter } from './modules/telemetry/public.js';
import { createTodosRouter, deleteAllTodosOf } from './modules/todos/public.js';
import { authenticate, requireRole } from './platform/auth/authenticate.js';
import type { JwtVerifier } from './platform/auth/jwt-verifier.js';
import { declaredServiceScopes } from './platform/auth/service-scopes.js';
import type { Config } from './platform/config/config.js';
import type { DatabaseHandle } from './platform/db/database.js';
import { mountApiDocs } from './platform/http/api-docs.js';
import type { AppEnv } from './platform/http/app-env.js';
import { AppError, errorResponse } from './platform/http/errors.js';
import { createHttpApp } from './platform/http/http-app.js';
import { mountLocalUploads, mountMedia, uploadFormBytes } from './platform/http/media.js';
import { createRateLimiter, limitPerCaller } from './platform/http/rate-limiter.js';
import { mountStaticSite } from './platform/http/static-site.js';
import type { Logger } from './platform/observability/logger.js';
import type { Tracing } from './platform/observability/tracing.js';
import { localUploadPath } from './platform/storage/filesystem-storage.js';
import type { ObjectStorage } from './platform/storage/object-storage.js';

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
  /** The event runtime: its transport's dead letters staff list and redrive; woken after each write. */
  events: Pick<EventRuntime, 'transport' | 'wake'>;
};

const apiVersion = '0.1.0';

/**
 * The composition root: builds each module's dependencies once and mounts the
 * routers explicitly: public ones first, then the authentication middleware,
 * then every router that needs a caller.
 */
export function createApp(services: AppServices): OpenAPIHono<AppEnv> {
  const { config, database, storage, logger, tracing, verifyAccessToken } = services;
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
  });

  const stock: StockReadModel = { availableUnits, availabilityStatus };
  const mediaUrl = (key: string) => `/media/${key}`;
  const catalogDeps = { db: database.db, stock, mediaUrl };
  app.route('/api', createCatalogRouter(catalogDeps));
  mountApiDocs(app, { title: 'Kura', version: apiVersion });
  // Public: the signed form is the authorization (only the API issues it, to staff).
  mountLocalUploads(app, storage);

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
  // Costly writes, limited per caller (per task: see rate-limiter.ts).
  const { rateLimits } = config;
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
  app.route('/api', createTelemetryRouter({ db: database.db, recordAudit }));
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
