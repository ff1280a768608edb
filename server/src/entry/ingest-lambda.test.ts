import { sql } from 'drizzle-orm';
import type { APIGatewayProxyResult, LambdaEvent } from 'hono/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-app.js';
import { createIngestHandler } from '../compose-ingest.js';
import { createPostgresReadingsStore } from '../modules/telemetry/adapters/postgres-readings-store.js';
import { registerDevice } from '../modules/telemetry/devices.js';
import { loadConfig } from '../platform/config/config.js';
import type { DatabaseHandle } from '../platform/db/database.js';
import { sqlRows } from '../platform/db/database.js';
import { createLogger } from '../platform/observability/logger.js';

let database: DatabaseHandle;
let handler: ReturnType<typeof createIngestHandler>;
const now = new Date('2026-12-01T03:00:00.000Z');

beforeAll(async () => {
  database = await createTestDatabase();
  // As a deployed ingest function is configured: no issuer, media bucket or event queue to demand.
  const config = loadConfig(
    {
      KURA_PROFILE: 'prd',
      DATABASE_URL: 'postgres://kura@db.internal/kura',
      DATABASE_SSL: 'true',
      DATABASE_CA_FILE: '/var/task/rds-ca-bundle.pem',
      KURA_RATE_LIMIT_INGEST_PER_DEVICE_PER_MINUTE: '3',
    },
    { role: 'ingest' },
  );
  handler = createIngestHandler({
    config,
    database,
    readings: createPostgresReadingsStore(database.db),
    logger: createLogger({ level: 'silent', service: 'kura-ingest-test' }),
    now: () => now,
  });
});
afterAll(async () => {
  await database?.close();
});

async function newDevice() {
  return registerDevice(database.db, {
    input: {
      nameJa: '蔵1 冷蔵庫',
      nameEn: 'Storehouse 1 fridge',
      location: '蔵1',
      kind: 'fridge',
      reportingIntervalSeconds: 60,
    },
    actorId: crypto.randomUUID(),
    recordAudit: async () => {},
  });
}

/** An HTTP API (payload format 2.0) event as API Gateway sends it for POST /ingest/v1/readings. */
function httpApiEvent(options: { key?: string; body: string; base64?: boolean }): LambdaEvent {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(options.body)),
    host: 'abc123.execute-api.ap-northeast-1.amazonaws.com',
    'user-agent': 'kura-sensor/1.4',
    'x-forwarded-for': '203.0.113.9',
    'x-forwarded-proto': 'https',
    ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
  };
  return {
    version: '2.0',
    routeKey: 'POST /ingest/v1/readings',
    rawPath: '/ingest/v1/readings',
    rawQueryString: '',
    headers,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.ap-northeast-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: {
        method: 'POST',
        path: '/ingest/v1/readings',
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.9',
        userAgent: 'kura-sensor/1.4',
      },
      requestId: 'JKJaXmPLvHcESHA=',
      routeKey: 'POST /ingest/v1/readings',
      stage: '$default',
      time: '01/Dec/2026:03:00:00 +0000',
      timeEpoch: now.getTime(),
    },
    body: options.base64 ? Buffer.from(options.body).toString('base64') : options.body,
    isBase64Encoded: options.base64 ?? false,
    // Hono's type asks for authentication/authorizer, which API Gateway leaves out of a route with no authorizer.
  } as unknown as LambdaEvent;
}

const invoke = async (event: LambdaEvent) => {
  const result = (await handler(event, {} as never)) as APIGatewayProxyResult;
  return { ...result, json: JSON.parse(result.body) as Record<string, unknown> };
};
const reading = (minutesAgo: number, temperature = 6.5) => ({
  ts: new Date(now.getTime() - minutesAgo * 60_000).toISOString(),
  temperature,
  humidity: 62,
  status: 'ok',
});

describe('the ingest Lambda handler on an HTTP API v2 event (the Lambda runtime itself is not run; PGlite or the server)', () => {
  it('stores readings through the same ingest code as the local route, and counts a repeat as a duplicate', async () => {
    const { device, secret } = await newDevice();
    const body = JSON.stringify({ readings: [reading(2), reading(1), { ...reading(1), temperature: 300 }] });
    const first = await invoke(httpApiEvent({ key: secret, body }));
    expect(first.statusCode).toBe(200);
    expect(first.headers?.['cache-control']).toBe('no-store');
    expect(first.json).toEqual({
      accepted: 2,
      duplicates: 0,
      rejected: [{ index: 2, code: 'out_of_range', message: 'temperature: must be at most 85 °C' }],
    });
    // API Gateway base64-encodes bodies it takes for binary; the same batch again is all duplicates.
    const again = await invoke(httpApiEvent({ key: secret, body, base64: true }));
    expect(again.json).toMatchObject({ accepted: 0, duplicates: 2 });
    const [row] = await sqlRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from telemetry.readings where device_id = ${device.id}`,
    );
    expect(row?.n).toBe(2);
  });

  it('answers 401 with the one error body for a missing or unknown key, and 429 past the per-device rate', async () => {
    const body = JSON.stringify({ readings: [reading(1)] });
    for (const key of [undefined, 'kura_dk_not-a-real-key']) {
      const refused = await invoke(httpApiEvent({ ...(key ? { key } : {}), body }));
      expect(refused.statusCode).toBe(401);
      expect(refused.json).toMatchObject({ error: { code: 'UNAUTHENTICATED', requestId: expect.any(String) } });
    }
    const { secret } = await newDevice();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await invoke(httpApiEvent({ key: secret, body }))).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('answers 413 past the 500-reading batch limit, writing nothing', async () => {
    const { device, secret } = await newDevice();
    const body = JSON.stringify({ readings: Array.from({ length: 501 }, (_, i) => reading(i / 10)) });
    const tooMany = await invoke(httpApiEvent({ key: secret, body }));
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    const [row] = await sqlRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from telemetry.readings where device_id = ${device.id}`,
    );
    expect(row?.n).toBe(0);
  });
});
