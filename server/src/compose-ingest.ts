import { SQSClient } from '@aws-sdk/client-sqs';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { trace } from '@opentelemetry/api';
import { handle } from 'hono/aws-lambda';
import {
  createDeviceKeyChecker,
  createIngestRouter,
  createInProcessAlertNotifier,
  createSqsAlertNotifier,
  type ReadingsStore,
  type ReadingsStoredNotifier,
} from './modules/telemetry/public.js';
import type { Config } from './platform/config/config.js';
import type { DatabaseHandle } from './platform/db/database.js';
import type { AppEnv } from './platform/http/app-env.js';
import { createHttpApp } from './platform/http/http-app.js';
import { createRateLimiter } from './platform/http/rate-limiter.js';
import type { Logger } from './platform/observability/logger.js';

/**
 * The ingest Lambda's app (entry/ingest-lambda.ts): the devices' endpoint and
 * nothing else, on the same platform HTTP app (request ids, access log, the
 * one error body) and the same router `npm start` mounts in createApp, so the
 * device contract has one implementation. Kept apart from app.ts so the
 * function's bundle carries telemetry's ingest path, not the whole shop.
 */
export type IngestServices = {
  config: Config;
  database: DatabaseHandle;
  readings: ReadingsStore;
  logger: Logger;
  now?: () => Date;
};

export function createIngestApp(services: IngestServices): OpenAPIHono<AppEnv> {
  const { config, database, readings, logger } = services;
  const app = createHttpApp({
    logger,
    // Spans go nowhere unless a provider is registered: the function's traces are X-Ray's (active tracing).
    tracerProvider: trace.getTracerProvider(),
    serviceName: config.tracing.serviceName,
    checkReady: () => database.ping(),
  });
  app.route(
    '/',
    createIngestRouter({
      // Keys remembered per warm instance for a few seconds: a revocation made by the api is honoured within that.
      deviceKeys: createDeviceKeyChecker(database.db),
      readings,
      // Per function instance: each warm instance keeps its own window, so a device's ceiling is this
      // times the instances serving it; API Gateway's throttling bounds the total.
      ingestLimiter: createRateLimiter(config.rateLimits.ingest),
      // Where stored readings go for alert evaluation: what the configuration says.
      readingsStored: alertNotifierFor(services),
      now: services.now ?? (() => new Date()),
    }),
  );
  return app;
}

/**
 * The alert queue (TELEMETRY_ALERT_QUEUE_URL, on AWS) for entry/alert-lambda.ts to evaluate; without
 * one, evaluated here, on the database this function already holds (the outbox it writes is published
 * by the worker's relay).
 */
function alertNotifierFor(services: IngestServices): ReadingsStoredNotifier {
  const { config, database, readings, logger } = services;
  const alerts = config.telemetryAlerts;
  if (alerts.notify === 'in-process') {
    return createInProcessAlertNotifier({ db: database.db, readings, logger, afterChange: () => {} });
  }
  // Credentials from the SDK's chain: the function's role on AWS.
  const client = new SQSClient({ region: alerts.region, ...(alerts.endpoint ? { endpoint: alerts.endpoint } : {}) });
  return createSqsAlertNotifier({ client, queueUrl: alerts.queueUrl, logger });
}

/** The function's handler: API Gateway HTTP API events (payload 2.0, or REST's 1.0) in and out through Hono. */
export function createIngestHandler(services: IngestServices) {
  return handle(createIngestApp(services));
}
