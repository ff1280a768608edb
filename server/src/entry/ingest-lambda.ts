import { createIngestHandler } from '../compose-ingest.js';
import { openReadingsStore } from '../modules/telemetry/public.js';
import { loadConfig } from '../platform/config/config.js';
import { openDatabase } from '../platform/db/database.js';
import { createLambdaObservability } from '../platform/observability/lambda-observability.js';
import { createLogger } from '../platform/observability/logger.js';
import { useTraceContext } from '../platform/observability/tracing.js';

/**
 * POST /ingest/v1/readings as a Lambda function behind an API Gateway HTTP API (payload format 2.0):
 * the router `npm start` serves at the same path, composed once per cold start. Devices' keys are
 * checked against PostgreSQL (Aurora, through KURA_DATABASE_SECRET_ARN); readings go to the store
 * TELEMETRY_STORE names (DynamoDB on AWS), and their notice to the alert queue
 * (TELEMETRY_ALERT_QUEUE_URL) for entry/alert-lambda.ts. Only the ingest settings are required (role 'ingest').
 */
const config = loadConfig(process.env, { role: 'ingest' });
// A device's traceparent goes with its readings' notice to the alert queue (TELEMETRY_ALERT_QUEUE_URL).
useTraceContext();
// One service name (CDK's OTEL_SERVICE_NAME, kura-ingest) on the function's logs, metrics and traces alike.
const service = config.tracing.serviceName;
const logger = createLogger({ level: config.log.level, service });
// The metrics facade's values as Powertools EMF at the end of each invocation; X-Ray subsegments.
const observability = createLambdaObservability({ service });
const database = await openDatabase(config.database);
const readings = await openReadingsStore(config.telemetry, database.db);

export const handler = observability.wrap(createIngestHandler({ config, database, readings, logger }));
