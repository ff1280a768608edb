/**
 * Telemetry's public surface: all that flows, the composition root and entry
 * points may use of it (a dependency-cruiser rule refuses any other import
 * from outside the module). Storehouse sensors: devices and their keys, the
 * readings they post, and the readings store. It publishes no events yet.
 */

/** The readings store in the main PostgreSQL database (PGlite or a server). */
export { createPostgresReadingsStore } from './adapters/postgres-readings-store.js';
export type { TelemetryDeps } from './deps.js';
export type { ReadingsStore, RecordAudit } from './ports.js';
/** The devices' endpoint, POST /ingest/v1/readings (public: a device key authenticates it). */
export { createIngestRouter } from './routes/ingest-route.js';
/** Devices and their keys for staff. */
export { createTelemetryRouter } from './telemetry-router.js';
