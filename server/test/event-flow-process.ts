// The order flow's relay and consumer in a process of their own, for tests
// that kill it (SIGKILL) in the middle of its work. Reads DATABASE_URL and
// KURA_TEST_VISIBILITY_SECONDS; prints "ready" once both loops run.
import { orderEventHandlers } from '../src/flows/order-fulfilment.js';
import { loadConfig } from '../src/platform/config/config.js';
import { openDatabase } from '../src/platform/db/database.js';
import { createConsumer } from '../src/platform/events/consumer.js';
import { createOutboxRelay } from '../src/platform/events/outbox.js';
import { createPostgresTransport } from '../src/platform/events/postgres-transport.js';
import { createLogger } from '../src/platform/observability/logger.js';

const config = loadConfig(process.env);
if (config.database.kind !== 'postgres') throw new Error('event-flow-process needs DATABASE_URL');
const visibilitySeconds = Number(process.env.KURA_TEST_VISIBILITY_SECONDS ?? 2);
const database = await openDatabase({ ...config.database, poolSize: 6 });
const logger = createLogger({ level: 'silent', service: 'kura-test-flow' });
const transport = createPostgresTransport({
  db: database.db,
  queue: 'events',
  maxReceiveCount: 50,
  pollIntervalMs: 20,
});
const relay = createOutboxRelay({ db: database.db, transport, logger, leaseSeconds: visibilitySeconds });
const consumer = createConsumer({
  transport,
  handlers: orderEventHandlers({ db: database.db }),
  logger,
  visibilitySeconds,
  waitSeconds: 1,
  batchSize: 10,
  retryDelaySeconds: () => 0,
});
relay.start();
consumer.start();
process.stdout.write('ready\n');
