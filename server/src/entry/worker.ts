import { sql } from 'drizzle-orm';
import { startEventRuntime } from '../flows/event-runtime.js';
import { ConfigError, loadConfig } from '../platform/config/config.js';
import { DatabaseStartError, openDatabase } from '../platform/db/database.js';
import { openFaultSwitches } from '../platform/faults/open-fault-switches.js';
import { createLogger } from '../platform/observability/logger.js';
import { startMetrics } from '../platform/observability/metrics.js';
import { startTracing } from '../platform/observability/tracing.js';
import { runMain } from './run-main.js';

/**
 * The stock worker (its own ECS Fargate service on AWS): the outbox relay,
 * the consumer long-polling the event queue (SQS, or the PostgreSQL queue
 * table when no queue URL is set) and the scheduled jobs. It serves no HTTP:
 * its task has no health check; a consumer that cannot reach the queue logs
 * and retries. SIGTERM ends the long poll, finishes the message in hand and
 * returns the rest of its batch to the queue before the database closes.
 */
await runMain('worker', async () => {
  const config = loadConfig();
  if (config.database.kind !== 'postgres') {
    throw new ConfigError(
      'DATABASE_URL or PGHOST must be set for the worker (the embedded database belongs to the one local process)',
    );
  }
  const logger = createLogger({ level: config.log.level, service: config.tracing.serviceName });
  const tracing = startTracing(config.tracing);
  const metrics = startMetrics({ ...config.metrics, service: config.tracing.serviceName });
  const database = await openDatabase(config.database);
  try {
    // Through the pool (10 s to connect), not /ready's 1 s probe: a start on a busy host is slow, not down.
    await database.db.execute(sql`select 1`);
  } catch (error) {
    await database.close().catch(() => {});
    throw new DatabaseStartError(
      `cannot reach PostgreSQL: ${error instanceof Error ? error.message : String(error)} (check DATABASE_URL or PGHOST)`,
    );
  }
  const events = startEventRuntime({
    role: 'worker',
    config: config.events,
    db: database.db,
    listen: database.listen,
    logger,
    faults: openFaultSwitches(config.faults, logger),
  });
  logger.info({ transport: config.events.transport }, 'worker started');
  return {
    async stop() {
      await events.stop();
      await database.close();
      await tracing.shutdown().catch(() => {});
      await metrics.stop();
      logger.info('worker stopped');
    },
  };
});
