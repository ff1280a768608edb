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
  throw new Error('TELEMETRY_STORE=dynamodb: the DynamoDB adapter is not built yet');
}
