import { spawn } from 'node:child_process';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { sql } from 'drizzle-orm';
import { startFauxqs } from 'fauxqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, demoProducts, setStock } from '../../test/shop-fixtures.js';
import { createTestApp, databaseKind, type TestApp } from '../../test/test-app.js';
import { waitUntil } from '../../test/wait-until.js';
import type { Order } from '../modules/ordering/api-schemas.js';
import { deliveryDateIn } from '../modules/ordering/delivery.js';
import type { EventsConfig } from '../platform/config/config.js';
import { sqlRows } from '../platform/db/database.js';
import { createLogger } from '../platform/observability/logger.js';
import { startEventRuntime } from './event-runtime.js';

/**
 * The event runtime as the AWS entry points run it, against fauxqs's SQS
 * (started in this process on a free port; tests only: it binds 0.0.0.0) and
 * the test database (the real server when DATABASE_URL is set).
 */
const logger = createLogger({ level: 'silent', service: 'kura-test' });
let t: TestApp;
let fauxqs: Awaited<ReturnType<typeof startFauxqs>>;
let sqsConfig: Extract<EventsConfig, { transport: 'sqs' }>;

beforeAll(async () => {
  t = await createTestApp({ demoData: true });
  fauxqs = await startFauxqs({ port: 0, host: '127.0.0.1', logger: false });
  const dlq = fauxqs.createQueue('kura-events-dlq');
  const queue = fauxqs.createQueue('kura-events', {
    attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.queueArn, maxReceiveCount: 5 }) },
  });
  sqsConfig = {
    transport: 'sqs',
    queueUrl: queue.queueUrl,
    deadLetterQueueUrl: dlq.queueUrl,
    region: 'ap-northeast-1',
    endpoint: `http://127.0.0.1:${fauxqs.port}`,
    maxReceiveCount: 5,
  };
  // The SDK's default credential chain reads these; fauxqs accepts any.
  process.env.AWS_ACCESS_KEY_ID ??= 'kura-test';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'kura-test-secret';
});
afterAll(async () => {
  await fauxqs?.stop();
  await t?.close();
});

async function placeOrder(quantity: number) {
  const [item] = await demoProducts(t, 1);
  if (!item) throw new Error('no demo product');
  await setStock(t, item.sku, 100);
  const me = await t.signIn();
  const api = asUser(t, me.headers);
  const placed = await api.json<Order>(
    'POST',
    '/api/orders',
    {
      lines: [{ productId: item.id, quantity }],
      shippingAddress: {
        postalCode: '060-0001',
        prefecture: '北海道',
        city: '札幌市中央区',
        line1: '北1条西2-1',
        name: '山田 花子',
        phone: '011-123-4567',
      },
      delivery: { date: deliveryDateIn(3, new Date()), slot: '午前中' },
    },
    { 'Idempotency-Key': crypto.randomUUID() },
  );
  expect(placed.status).toBe(201);
  const state = async () => (await api.json<Order>('GET', `/api/orders/${placed.body.id}`)).body.state;
  return { order: placed.body, state };
}

/** Reads until `done` holds (or `giveUp`, e.g. the process under test exited) and returns the last value read. */
async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  options: { what: string; timeoutMs?: number; giveUp?: () => boolean },
): Promise<T> {
  let value: T | undefined;
  await waitUntil(
    async () => {
      value = await read();
      return done(value) || (options.giveUp?.() ?? false);
    },
    { what: options.what, everyMs: 100, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) },
  );
  return value as T;
}

/** Nothing ready or in flight on the queue: its consumer has acknowledged everything and polls again. */
const drained = (queue: string) => () => {
  const messages = fauxqs.inspectQueue(queue)?.messages;
  return messages?.ready.length === 0 && messages.inflight.length === 0;
};

describe('the event runtime on SQS (fauxqs)', () => {
  it('api role: the relay publishes the order to SQS and nothing in the API consumes it', async () => {
    const runtime = startEventRuntime({ role: 'api', config: sqsConfig, db: t.database.db, logger });
    const { order, state } = await placeOrder(1);
    const client = new SQSClient({ region: sqsConfig.region, endpoint: sqsConfig.endpoint });
    try {
      const received = await waitFor(
        async () =>
          (
            await client.send(
              new ReceiveMessageCommand({ QueueUrl: sqsConfig.queueUrl, WaitTimeSeconds: 1, VisibilityTimeout: 0 }),
            )
          ).Messages ?? [],
        (messages) => messages.length > 0,
        { what: 'the order reached SQS' },
      );
      expect(received.map((m) => JSON.parse(m.Body ?? '{}').key)).toContain(order.id);
      expect(await state()).toBe('pending');
    } finally {
      await runtime.stop();
      client.destroy();
    }
  }, 120_000);

  it('worker role: an order placed through the outbox is confirmed through SQS, and stop() cuts the long poll short', async () => {
    // The order left by the test above is still queued; this worker confirms both.
    const runtime = startEventRuntime({ role: 'worker', config: sqsConfig, db: t.database.db, logger });
    const { state } = await placeOrder(2);
    expect(await waitFor(state, (s) => s !== 'pending', { what: 'the order left pending' })).toBe('confirmed');
    // Both messages acknowledged: the consumer's next step is a 20 s long poll on an empty queue, and stop
    // must not wait it out (a bound a busy machine cannot reach, well short of the poll it cuts).
    await waitUntil(drained('kura-events'), { what: 'the queue is drained' });
    const started = Date.now();
    await runtime.stop();
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 120_000);
});

/** The bundle's entry point as ECS runs it, on its own database (real server only: PGlite is one process). */
describe.skipIf(databaseKind === 'pglite')('the worker entry point (real PostgreSQL)', () => {
  it('starts, consumes from SQS and stops cleanly on SIGTERM while long-polling', async () => {
    // Fresh queues: the in-process worker above stopped by abandoning a long poll, and fauxqs (like
    // SQS) may still hand a message to that poll, hiding it until its visibility timeout runs out.
    const dlq = fauxqs.createQueue('kura-worker-dlq');
    const queue = fauxqs.createQueue('kura-worker', {
      attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.queueArn, maxReceiveCount: 5 }) },
    });
    const { order, state } = await placeOrder(1);
    // The worker connects to this test's own database (createTestDatabase made it beside DATABASE_URL's).
    const [current] = await sqlRows<{ db: string }>(t.database.db, sql`select current_database() as db`);
    const url = new URL(process.env.DATABASE_URL ?? '');
    url.pathname = `/${current?.db}`;
    const worker = spawn(process.execPath, ['--import', 'tsx', 'src/entry/worker.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: url.toString(),
        KURA_EVENT_QUEUE_URL: queue.queueUrl,
        KURA_EVENT_DLQ_URL: dlq.queueUrl,
        KURA_SQS_ENDPOINT: sqsConfig.endpoint,
        AWS_REGION: sqsConfig.region,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    worker.stdout.on('data', (chunk) => {
      output += chunk;
    });
    worker.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const exited = new Promise<number | null>((resolve) => worker.on('exit', (code) => resolve(code)));
    try {
      const confirmed = await waitFor(state, (s) => s !== 'pending', {
        what: 'the worker confirmed the order',
        // tsx compiles the server on start: slow on a busy machine.
        timeoutMs: 90_000,
        giveUp: () => worker.exitCode !== null,
      });
      expect(confirmed, output.slice(-3000)).toBe('confirmed');
      expect(output).toContain('worker started');
      // Its message acknowledged, the worker long-polls (20 s) an empty queue: SIGTERM must cut that short.
      await waitUntil(drained('kura-worker'), { what: 'the worker acknowledged its message' });
      const started = Date.now();
      worker.kill('SIGTERM');
      expect(await exited, output.slice(-3000)).toBe(0);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(output).toContain('worker stopped');
      expect(order.state).toBe('pending');
    } finally {
      if (worker.exitCode === null) worker.kill('SIGKILL');
    }
  }, 120_000);
});
