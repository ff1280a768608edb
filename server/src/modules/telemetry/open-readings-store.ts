import type { TelemetryStoreConfig } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import { createPostgresReadingsStore } from './adapters/postgres-readings-store.js';
import type { ReadingsStore } from './ports.js';

/**
 * The readings store the configuration names (TELEMETRY_STORE): the main
 * PostgreSQL database, or a DynamoDB table. The DynamoDB adapter and its SDK
 * load only when chosen, so `npm start` on PGlite never pays for them.
 */
export async function openReadingsStore(config: TelemetryStoreConfig, db: Database): Promise<ReadingsStore> {
  if (config.store === 'postgres') return createPostgresReadingsStore(db);
  const [{ DynamoDBClient }, { createDynamoDbReadingsStore }] = await Promise.all([
    import('@aws-sdk/client-dynamodb'),
    import('./adapters/dynamodb-readings-store.js'),
  ]);
  // Credentials come from the SDK's own chain (the function's role on AWS; AWS_ACCESS_KEY_ID… for an emulator).
  const client = new DynamoDBClient({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
  });
  return createDynamoDbReadingsStore({ client, table: config.table });
}
