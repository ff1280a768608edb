import type { OpenAPIHono } from '@hono/zod-openapi';
import { createCatalogRouter } from './modules/catalog/catalog-router.js';
import type { StockReadModel } from './modules/catalog/stock-read-model.js';
import { availabilityStatus, availableUnits } from './modules/inventory/stock-levels.js';
import type { Config } from './platform/config/config.js';
import type { DatabaseHandle } from './platform/db/database.js';
import { mountApiDocs } from './platform/http/api-docs.js';
import type { AppEnv } from './platform/http/app-env.js';
import { AppError, errorResponse } from './platform/http/errors.js';
import { createHttpApp } from './platform/http/http-app.js';
import { mountMedia } from './platform/http/media.js';
import { mountStaticSite } from './platform/http/static-site.js';
import type { Logger } from './platform/observability/logger.js';
import type { Tracing } from './platform/observability/tracing.js';
import type { ObjectStorage } from './platform/storage/object-storage.js';

export type AppServices = {
  config: Config;
  database: DatabaseHandle;
  storage: ObjectStorage;
  logger: Logger;
  tracing: Tracing;
};

export const apiVersion = '0.1.0';

/**
 * The composition root: builds each module's dependencies once and mounts the
 * routers explicitly, public ones first. (Authenticated routers arrive with
 * the identity module and mount after its middleware.)
 */
export function createApp(services: AppServices): OpenAPIHono<AppEnv> {
  const { config, database, storage, logger, tracing } = services;
  const app = createHttpApp({
    logger,
    tracerProvider: tracing.provider,
    serviceName: config.tracing.serviceName,
    checkReady: () => database.ping(),
  });

  const stock: StockReadModel = { availableUnits, availabilityStatus };
  app.route('/api', createCatalogRouter({ db: database.db, stock, mediaUrl: (key) => `/media/${key}` }));

  mountApiDocs(app, { title: 'Kura', version: apiVersion });
  app.all('/api/*', (c) =>
    errorResponse(c, new AppError('NOT_FOUND', `No API route for ${c.req.method} ${c.req.path}`)),
  );
  mountMedia(app, storage);
  mountStaticSite(app, config.webDist);
  return app;
}
