import { tmpdir } from 'node:os';
import { handle } from 'hono/aws-lambda';
import { createApp } from '../app.js';
import { openEventTransport } from '../flows/event-runtime.js';
import { issuerTokenVerifier } from '../platform/auth/jwt-verifier.js';
import { loadConfig } from '../platform/config/config.js';
import { openDatabase } from '../platform/db/database.js';
import { createLogger } from '../platform/observability/logger.js';
import { startTracing } from '../platform/observability/tracing.js';
import { openObjectStorage } from '../platform/storage/open-storage.js';

/**
 * The API as a Lambda function behind API Gateway (HTTP API, payload format 2.0), where an environment's
 * config selects Lambda compute (docs/decisions/0017-compute-per-environment.md): the same Hono app as the
 * ECS service, composed once per cold start. Migrations are the deploy step's, as on ECS. The outbox relay
 * does not run here (a function frozen between requests cannot poll): the stock worker's relay publishes
 * what a request wrote, within its idle poll.
 */
const config = loadConfig();
const logger = createLogger({ level: config.log.level, service: config.tracing.serviceName });
const tracing = startTracing(config.tracing);
const database = await openDatabase(config.database);
const storage = await openObjectStorage({
  config: config.storage,
  dataDir: undefined,
  fallbackRoot: tmpdir(),
});
const app = createApp({
  config,
  database,
  storage,
  logger,
  tracing,
  verifyAccessToken: issuerTokenVerifier(config.auth),
  issuer: config.auth.issuer,
  events: { transport: openEventTransport(config.events, database.db).transport, wake: () => {} },
});

export const handler = handle(app);
