import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createAlertQueueHandler, openReadingsStore } from '../modules/telemetry/public.js';
import { ConfigError, loadConfig } from '../platform/config/config.js';
import { openDatabase } from '../platform/db/database.js';
import { createLambdaObservability } from '../platform/observability/lambda-observability.js';
import { useTraceContext } from '../platform/observability/tracing.js';

/**
 * The alert evaluation Lambda on AWS, fed by the alert queue (SQS event source
 * with `reportBatchItemFailures: true`, a dead-letter queue behind it).
 *
 * Message body (JSON, one per ingest request that stored any reading):
 *
 *   { "deviceId": "<uuid>", "from": "<ISO-8601 instant>", "to": "<ISO-8601 instant>" }
 *
 * meaning "this device stored readings with instants in [from, to]" (the
 * schema: `readingsStoredMessageSchema` in modules/telemetry/alert-queue.ts;
 * ingest's SQS notifier writes exactly it). Each record evaluates that
 * device's alert rules against those readings; the rule states, the alert
 * history and AlertRaised / AlertCleared (through the outbox) are written in
 * one transaction per record. Redelivered or reordered messages change nothing
 * twice: the rule state remembers the newest reading it evaluated.
 *
 * Answers `{ batchItemFailures: [{ itemIdentifier: messageId }] }` for the
 * records that failed (a malformed body, the database or readings store
 * unreachable); SQS retries only those.
 *
 * Needs DATABASE_URL (or PGHOST…) for the rules, the history and the outbox,
 * and reads the readings from the same store ingest writes. Composed on the
 * first invocation of a cold start; a failed start is retried by the next.
 */
const config = loadConfig();
// Each record's traceparent (ingest's) goes on into the AlertRaised/AlertCleared it writes.
useTraceContext();
// The metrics facade's values (AlertsRaised…) as Powertools EMF at the end of each invocation; X-Ray subsegments.
const observability = createLambdaObservability({ service: config.tracing.serviceName });

let composed: Promise<(event: SQSEvent) => Promise<SQSBatchResponse>> | undefined;

async function compose() {
  if (config.database.kind !== 'postgres') {
    throw new ConfigError('DATABASE_URL or PGHOST must be set for the alert Lambda');
  }
  const database = await openDatabase(config.database);
  // The store ingest writes (TELEMETRY_STORE): DynamoDB on AWS, the main database otherwise.
  const readings = await openReadingsStore(config.telemetry, database.db);
  return createAlertQueueHandler({ db: database.db, readings });
}

export const handler = observability.wrap(async (event: SQSEvent): Promise<SQSBatchResponse> => {
  composed ??= compose().catch((error: unknown) => {
    composed = undefined;
    throw error;
  });
  return (await composed)(event);
});
