/**
 * Telemetry's public surface: all that flows, the composition root and entry
 * points may use of it (a dependency-cruiser rule refuses any other import
 * from outside the module). Storehouse sensors: devices and their keys. It
 * publishes no events yet.
 */

export type { TelemetryDeps } from './deps.js';
export type { ReadingsStore, RecordAudit } from './ports.js';
/** Devices and their keys for staff. */
export { createTelemetryRouter } from './telemetry-router.js';
