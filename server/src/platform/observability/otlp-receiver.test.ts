import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, TraceFlags, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createServiceToken } from '../../modules/identity/service-tokens.js';
import type { ErrorBody } from '../http/errors.js';
import { createOtlpMetricSink } from './metrics.js';
import { otlpMaxBodyBytes } from './otlp-receiver.js';

let t: TestApp;
let staff: Awaited<ReturnType<TestApp['signIn']>>;
let otlpToken: string;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.signIn({ role: 'staff' });
  const admin = await t.signIn({ role: 'admin' });
  ({ secret: otlpToken } = await createServiceToken(t.database.db, {
    name: 'worker spans',
    scopes: ['otlp:write'],
    createdBy: admin.userId,
  }));
});
afterAll(async () => {
  await t?.close();
});

const newTraceId = () => crypto.randomUUID().replaceAll('-', '');
const newSpanId = () => crypto.randomUUID().replaceAll('-', '').slice(0, 16);
const nanos = (ms: number) => `${BigInt(Math.round(ms)) * 1_000_000n}`;

type Trace = {
  spans: { spanId: string; parentSpanId: string | null; name: string; service: string; kind: string; status: string }[];
};

const post = (
  path: string,
  body: unknown,
  headers: Record<string, string> = { Authorization: `Bearer ${otlpToken}` },
) =>
  t.app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const oneSpan = (overrides: Record<string, unknown> = {}) => ({
  resourceSpans: [
    {
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'kura-devices' } }] },
      scopeSpans: [
        {
          spans: [
            {
              traceId: newTraceId(),
              spanId: newSpanId(),
              name: 'send readings',
              kind: 3,
              startTimeUnixNano: nanos(Date.now() - 5),
              endTimeUnixNano: nanos(Date.now()),
              attributes: [{ key: 'device.count', value: { intValue: '3' } }],
              ...overrides,
            },
          ],
        },
      ],
    },
  ],
});

describe('POST /v1/traces', () => {
  it("takes a real OTLP exporter's spans from another process: the worker's span joins the API's trace under its server span", async () => {
    const traceId = newTraceId();
    const api = await t.app.request('/api/products?q=matcha', {
      headers: { traceparent: `00-${traceId}-b7ad6b7169203331-01` },
    });
    expect(api.status).toBe(200);
    const before = await t.getJson<Trace>(`/api/ops/traces/${traceId}`, { headers: staff.headers });
    const server = before.body.spans.find((s) => s.kind === 'SERVER');
    if (!server) throw new Error('the API recorded no server span');

    // The worker's side: its own provider (service kura-worker) and the stock OTLP/HTTP exporter, over a socket.
    const listener = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => listener.once('listening', () => resolve()));
    const { port } = listener.address() as AddressInfo;
    const worker = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'kura-worker' }),
      spanProcessors: [
        new SimpleSpanProcessor(
          new OTLPTraceExporter({
            url: `http://127.0.0.1:${port}/v1/traces`,
            headers: { Authorization: `Bearer ${otlpToken}` },
          }),
        ),
      ],
    });
    try {
      const parent = trace.setSpanContext(ROOT_CONTEXT, {
        traceId,
        spanId: server.spanId,
        traceFlags: TraceFlags.SAMPLED,
        isRemote: true,
      });
      const span = worker
        .getTracer('kura')
        .startSpan(
          'process OrderPlaced',
          { kind: SpanKind.CONSUMER, attributes: { 'messaging.system': 'kura' } },
          parent,
        );
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      await worker.forceFlush();
    } finally {
      await worker.shutdown();
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    }

    const { status, body } = await t.getJson<Trace>(`/api/ops/traces/${traceId}`, { headers: staff.headers });
    expect(status).toBe(200);
    const consumer = body.spans.find((s) => s.service === 'kura-worker');
    expect(consumer).toMatchObject({
      name: 'process OrderPlaced',
      kind: 'CONSUMER',
      parentSpanId: server.spanId,
      status: 'error',
    });
    expect(body.spans.filter((s) => s.service === 'kura-test').length).toBe(before.body.spans.length);
    // Receiving spans is not itself traced: no trace of POST /v1/traces.
    const receiver = await t.getJson<{ items: unknown[] }>('/api/ops/traces?route=v1/traces', {
      headers: staff.headers,
    });
    expect(receiver.body.items).toEqual([]);
  });

  it('takes a staff token as well as a service token with otlp:write; anyone else is 401 or 403', async () => {
    const admin = await t.signIn({ role: 'admin' });
    const { secret: readOnly } = await createServiceToken(t.database.db, {
      name: 'catalog reader',
      scopes: ['catalog:read', 'stock:read', 'orders:read'],
      createdBy: admin.userId,
    });
    const customer = await t.signIn();
    const statuses = [
      (await post('/v1/traces', oneSpan())).status,
      (await post('/v1/traces', oneSpan(), staff.headers)).status,
      (await post('/v1/traces', oneSpan(), {})).status,
      (await post('/v1/traces', oneSpan(), customer.headers)).status,
      (await post('/v1/traces', oneSpan(), { Authorization: `Bearer ${readOnly}` })).status,
    ];
    expect(statuses).toEqual([200, 200, 401, 403, 403]);
    // The otlp:write scope opens no API route.
    expect((await t.app.request('/api/ops/traces', { headers: { Authorization: `Bearer ${otlpToken}` } })).status).toBe(
      403,
    );
  });

  it('refuses a malformed batch whole with 400, a body past the limit with 413 and protobuf with 415', async () => {
    const good = oneSpan();
    const goodTraceId = good.resourceSpans[0]?.scopeSpans[0]?.spans[0]?.traceId ?? '';
    const mixed = structuredClone(good);
    mixed.resourceSpans[0]?.scopeSpans[0]?.spans.push({
      ...oneSpan().resourceSpans[0]?.scopeSpans[0]?.spans[0],
      traceId: 'xyz',
    } as never);

    const invalid = await post('/v1/traces', mixed);
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as ErrorBody;
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details?.[0]?.path).toBe('resourceSpans.0.scopeSpans.0.spans.1.traceId');
    // Nothing of the batch was kept, not even its valid span.
    expect((await t.app.request(`/api/ops/traces/${goodTraceId}`, { headers: staff.headers })).status).toBe(404);

    const notJson = await post('/v1/traces', '{"resourceSpans": [');
    expect([notJson.status, ((await notJson.json()) as ErrorBody).error.code]).toEqual([400, 'MALFORMED_REQUEST']);

    const tooLarge = await post('/v1/traces', `{"resourceSpans": [], "pad": "${'x'.repeat(otlpMaxBodyBytes)}"}`);
    expect([tooLarge.status, ((await tooLarge.json()) as ErrorBody).error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);

    const protobuf = await t.app.request('/v1/traces', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-protobuf', Authorization: `Bearer ${otlpToken}` },
      body: new Uint8Array([10, 0]),
    });
    expect([protobuf.status, ((await protobuf.json()) as ErrorBody).error.code]).toEqual([
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ]);

    const kept = await post('/v1/traces', good);
    expect(kept.status).toBe(200);
    expect(await kept.json()).toEqual({ partialSuccess: {} });
    const stored = await t.getJson<Trace>(`/api/ops/traces/${goodTraceId}`, { headers: staff.headers });
    expect(stored.body.spans[0]).toMatchObject({ name: 'send readings', service: 'kura-devices', kind: 'CLIENT' });
  });
});

describe('POST /v1/metrics', () => {
  it("records the catalogue's metrics into the console's store, by their dimension; other names are rejected points", async () => {
    const now = Date.now();
    const response = await post('/v1/metrics', {
      resourceMetrics: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'kura-worker' } }] },
          scopeMetrics: [
            {
              metrics: [
                {
                  name: 'DeadLetters',
                  sum: {
                    dataPoints: [
                      {
                        asInt: '2',
                        timeUnixNano: nanos(now),
                        attributes: [{ key: 'EventType', value: { stringValue: 'OrderPlaced' } }],
                      },
                    ],
                  },
                },
                { name: 'kura.QueueAge', gauge: { dataPoints: [{ asDouble: 1250, timeUnixNano: nanos(now) }] } },
                { name: 'process.cpu', gauge: { dataPoints: [{ asDouble: 0.5 }] } },
              ],
            },
          ],
        },
      ],
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ partialSuccess: { rejectedDataPoints: 1 } });

    const range = `from=${new Date(now - 120_000).toISOString()}&to=${new Date(now + 60_000).toISOString()}`;
    const metric = async (query: string) =>
      (
        await t.getJson<{ datapoints: { value: number }[]; dimensions: string[] }>(
          `/api/ops/metrics?${query}&${range}`,
          {
            headers: staff.headers,
          },
        )
      ).body;
    const deadLetters = await metric('metric=DeadLetters&statistic=Sum');
    expect(deadLetters.datapoints.map((p) => p.value)).toEqual([2]);
    expect(deadLetters.dimensions).toContain('OrderPlaced');
    expect((await metric('metric=DeadLetters&statistic=Sum&dimension=OrderPlaced')).datapoints).toHaveLength(1);
    expect((await metric('metric=QueueAge&statistic=Maximum')).datapoints.map((p) => p.value)).toEqual([1250]);
  });
});

describe("the worker's OTLP metric sink", () => {
  it("sends what it records to a Kura's receiver, which the console then charts as its own", async () => {
    const listener = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => listener.once('listening', () => resolve()));
    const { port } = listener.address() as AddressInfo;
    const sink = createOtlpMetricSink({
      endpoint: `http://127.0.0.1:${port}`,
      headers: { Authorization: `Bearer ${otlpToken}` },
      service: 'kura-worker',
    });
    const now = Date.now();
    try {
      sink.record('OrdersConfirmed', 1, undefined, now);
      sink.record('OrdersConfirmed', 1, undefined, now);
      sink.record('EventsConsumed', 1, 'StockReserved', now);
      sink.record('RelayLag', 42, undefined, now);
      await sink.stop();
    } finally {
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    }
    const range = `from=${new Date(now - 120_000).toISOString()}&to=${new Date(now + 60_000).toISOString()}`;
    const values = async (query: string) =>
      (
        await t.getJson<{ datapoints: { value: number }[] }>(`/api/ops/metrics?${query}&${range}`, {
          headers: staff.headers,
        })
      ).body.datapoints.map((p) => p.value);
    expect(await values('metric=OrdersConfirmed&statistic=Sum')).toEqual([2]);
    expect(await values('metric=EventsConsumed&statistic=Sum&dimension=StockReserved')).toEqual([1]);
    expect(await values('metric=RelayLag&statistic=Maximum')).toEqual([42]);
  });
});
