import { handle } from 'hono/aws-lambda';
import { composeKura } from '../app.js';
import { loadConfig } from '../platform/config/config.js';
import { createLogger } from '../platform/observability/logger.js';
import { startMetrics } from '../platform/observability/metrics.js';
import { startTracing } from '../platform/observability/tracing.js';

/**
 * The API as a Lambda function behind API Gateway (HTTP API, payload format 2.0), where an environment's
 * config selects Lambda compute (docs/decisions/0017-compute-per-environment.md): the same Hono app as the
 * ECS service, composed by the same composeKura once per cold start. Migrations are the deploy step's, as
 * on ECS. The outbox relay does not run here (a function frozen between requests cannot poll): the stock
 * worker's relay publishes what a request wrote, within its idle poll.
 */
const config = loadConfig();
const logger = createLogger({ level: config.log.level, service: config.tracing.serviceName });
const tracing = startTracing(config.tracing);
// A frozen function flushes nothing on a timer: the handler flushes after each invocation.
const metrics = startMetrics({ ...config.metrics, service: config.tracing.serviceName });
const kura = await composeKura({
  config,
  logger,
  tracing,
  metrics: metrics.store,
  migrate: false,
  eventRole: 'lambda',
  progress: (line) => logger.info(line),
});

const handleRequest = handle(kura.app);
export const handler: typeof handleRequest = async (...args) => {
  try {
    return await handleRequest(...args);
  } finally {
    metrics.flush();
  }
};
