import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { context, propagation } from '@opentelemetry/api';
import type { SQSRecord } from 'aws-lambda';
import { sql } from 'drizzle-orm';
import { startFauxqs } from 'fauxqs';
import type { APIGatewayProxyResult, LambdaEvent } from 'hono/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-app.js';
import { createIngestHandler } from '../compose-ingest.js';
import { registerDevice } from '../modules/telemetry/devices.js';
import { createAlertQueueHandler, createPostgresReadingsStore } from '../modules/telemetry/public.js';
import { alertRules } from '../modules/telemetry/schema.js';
import { loadConfig } from '../platform/config/config.js';
import type { DatabaseHandle } from '../platform/db/database.js';
import { sqlRows } from '../platform/db/database.js';
import { createLogger } from '../platform/observability/logger.js';
import { useMetricSinks } from '../platform/observability/metrics.js';
import { useTraceContext } from '../platform/observability/tracing.js';

/**
 * Issue 14's AWS alert path with the emulator Kura's other SQS code is tested on (fauxqs, in this
 * process, tests only): the ingest Lambda's handler, configured as CDK configures it
 * (TELEMETRY_ALERT_QUEUE_URL), sends its notice to the alert queue; the message as SQS hands it out is
 * what the alert Lambda's handler evaluates. The Lambda runtime itself is not run (handlers called
 * with the event objects it would pass); PGlite or the real server (DATABASE_URL).
 */

let database: DatabaseHandle;
let server: Awaited<ReturnType<typeof startFauxqs>>;
let sqs: SQSClient;
let queueUrl: string;
const now = new Date();

beforeAll(async () => {
  // The Lambda runtime gives a function its role's credentials; fauxqs takes any.
  process.env.AWS_ACCESS_KEY_ID ??= 'kura-test';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'kura-test-secret';
  // As both Lambda entries do at cold start.
  useTraceContext();
  server = await startFauxqs({ port: 0, host: '127.0.0.1', logger: false });
  queueUrl = server.createQueue('kura-dev-telemetry-alerts').queueUrl;
  sqs = new SQSClient({ region: 'ap-northeast-1', endpoint: `http://127.0.0.1:${server.port}` });
  database = await createTestDatabase();
});
afterAll(async () => {
  useMetricSinks([]);
  sqs?.destroy();
  await server?.stop();
  await database?.close();
  propagation.disable();
  context.disable();
});

/** A sensor registered straight in the database (no audit entry), with its key. */
function registerSensor(input: { nameJa: string; nameEn: string; location: string; kind: 'fridge' | 'cellar' }) {
  return registerDevice(database.db, {
    input: { ...input, reportingIntervalSeconds: 60 },
    actorId: crypto.randomUUID(),
    recordAudit: async () => {},
  });
}

function ingestHandler(
  env: Record<string, string>,
  logger = createLogger({ level: 'silent', service: 'kura-ingest-test' }),
) {
  const config = loadConfig(
    {
      KURA_PROFILE: 'prd',
      DATABASE_URL: 'postgres://kura@db.internal/kura',
      DATABASE_SSL: 'true',
      DATABASE_CA_FILE: '/var/task/rds-ca-bundle.pem',
      ...env,
    },
    { role: 'ingest' },
  );
  return createIngestHandler({
    config,
    database,
    readings: createPostgresReadingsStore(database.db),
    logger,
    now: () => now,
  });
}

/** POST /ingest/v1/readings as API Gateway's HTTP API (payload 2.0) hands it to the function. */
function post(key: string, body: unknown, traceparent: string): LambdaEvent {
  const text = JSON.stringify(body);
  return {
    version: '2.0',
    routeKey: 'POST /ingest/v1/readings',
    rawPath: '/ingest/v1/readings',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, traceparent },
    requestContext: {
      http: { method: 'POST', path: '/ingest/v1/readings', protocol: 'HTTP/1.1', sourceIp: '203.0.113.9' },
      requestId: 'ingest-alert-queue-test',
      routeKey: 'POST /ingest/v1/readings',
      stage: '$default',
      timeEpoch: now.getTime(),
    },
    body: text,
    isBase64Encoded: false,
  } as unknown as LambdaEvent;
}

/** Received as the Lambda service's poller does, turned into the record it passes the function. */
async function receiveAll(): Promise<SQSRecord[]> {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: 1,
      MessageAttributeNames: ['All'],
      MessageSystemAttributeNames: ['All'],
    }),
  );
  for (const m of Messages) {
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: m.ReceiptHandle }));
  }
  return Messages.map((m) => ({
    messageId: m.MessageId ?? '',
    receiptHandle: m.ReceiptHandle ?? '',
    body: m.Body ?? '',
    attributes: m.Attributes as SQSRecord['attributes'],
    messageAttributes: Object.fromEntries(
      Object.entries(m.MessageAttributes ?? {}).map(([name, value]) => [
        name,
        { dataType: value.DataType ?? 'String', stringValue: value.StringValue },
      ]),
    ),
    md5OfBody: m.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:ap-northeast-1:000000000000:kura-dev-telemetry-alerts',
    awsRegion: 'ap-northeast-1',
  }));
}

const minute = 60_000;
const reading = (minutesAgo: number, temperature: number) => ({
  ts: new Date(now.getTime() - minutesAgo * minute).toISOString(),
  temperature,
  humidity: 60,
  status: 'ok',
});

describe('ingest → alert queue (fauxqs SQS) → alert Lambda handler (the Lambda runtime is not run)', () => {
  it('queues each stored batch with its trace; the alert handler raises the alert and its outbox event in that trace', async () => {
    const { device, secret } = await registerSensor({
      nameJa: '蔵2 冷蔵庫',
      nameEn: 'Storehouse 2 fridge',
      location: '蔵2',
      kind: 'fridge',
    });
    await database.db.insert(alertRules).values({
      deviceId: device.id,
      kind: 'above',
      metric: 'temperature',
      threshold: 8,
      clearThreshold: 7,
      forSeconds: 600,
      createdBy: crypto.randomUUID(),
    });
    const handler = ingestHandler({
      TELEMETRY_ALERT_QUEUE_URL: queueUrl,
      AWS_REGION: 'ap-northeast-1',
      KURA_SQS_ENDPOINT: `http://127.0.0.1:${server.port}`,
    });
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const traceparent = `00-${traceId}-00f067aa0ba902b7-01`;
    const answer = (await handler(
      post(secret, { readings: [reading(15, 8.6), reading(8, 9.1), reading(2, 9.4)] }, traceparent),
      {} as never,
    )) as APIGatewayProxyResult;
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ accepted: 3, duplicates: 0 });

    // Not evaluated in the ingest function: no alert until the queue's message is handled.
    const alerts = () =>
      sqlRows<{ raised_value: number }>(
        database.db,
        sql`select raised_value from telemetry.alerts where device_id = ${device.id}`,
      );
    expect(await alerts()).toEqual([]);

    const records = await receiveAll();
    expect(records).toHaveLength(1);
    const [record] = records as [SQSRecord];
    expect(JSON.parse(record.body)).toEqual({
      deviceId: device.id,
      from: reading(15, 0).ts,
      to: reading(2, 0).ts,
    });
    expect(record.messageAttributes.traceparent?.stringValue).toContain(traceId);

    const handle = createAlertQueueHandler({ db: database.db, readings: createPostgresReadingsStore(database.db) });
    expect(await handle({ Records: [record] })).toEqual({ batchItemFailures: [] });
    expect(await alerts()).toEqual([{ raised_value: 9.4 }]);
    const events = await sqlRows<{ type: string; traceparent: string | null }>(
      database.db,
      sql`select type, traceparent from platform.outbox where key = ${device.id}`,
    );
    expect(events.map((e) => e.type)).toEqual(['AlertRaised']);
    // The device's trace goes on: ingest → evaluation → AlertRaised (→ relay → worker → staff task).
    expect(events[0]?.traceparent).toContain(traceId);

    // A batch with nothing new sends nothing.
    const again = (await handler(
      post(secret, { readings: [reading(2, 9.4)] }, traceparent),
      {} as never,
    )) as APIGatewayProxyResult;
    expect(JSON.parse(again.body)).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(await receiveAll()).toEqual([]);
  });

  it('answers 200 with the readings stored when the queue refuses the notice (logged, counted, not lost silently)', async () => {
    const { device, secret } = await registerSensor({
      nameJa: '蔵3 セラー',
      nameEn: 'Storehouse 3 cellar',
      location: '蔵3',
      kind: 'cellar',
    });
    const missingQueue = `http://sqs.ap-northeast-1.127.0.0.1:${server.port}/000000000000/no-such-queue`;
    const logged: { level: string; msg: string; deviceId?: string }[] = [];
    const handler = ingestHandler(
      {
        TELEMETRY_ALERT_QUEUE_URL: missingQueue,
        AWS_REGION: 'ap-northeast-1',
        KURA_SQS_ENDPOINT: `http://127.0.0.1:${server.port}`,
      },
      createLogger({
        level: 'error',
        service: 'kura-ingest-test',
        destination: { write: (line) => logged.push(JSON.parse(line)) },
      }),
    );
    const counted: string[] = [];
    useMetricSinks([{ record: (name) => counted.push(name) }]);
    const answer = (await handler(
      post(secret, { readings: [reading(1, 5)] }, '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'),
      {} as never,
    )) as APIGatewayProxyResult;
    expect(answer.statusCode).toBe(200);
    const [row] = await sqlRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from telemetry.readings where device_id = ${device.id}`,
    );
    expect(row?.n).toBe(1);
    expect(counted).toContain('AlertNoticesFailed');
    expect(logged).toContainEqual(
      expect.objectContaining({ level: 'error', msg: 'could not queue the alert evaluation', deviceId: device.id }),
    );
  });
});
