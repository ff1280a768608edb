import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderFixtures } from '../../test/order-fixtures.js';
import { demoProducts, setStock } from '../../test/shop-fixtures.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

/**
 * One order, one trace: the browser's traceparent on the checkout continues
 * through the API, its SQL, the outbox, the relay's publish, the queue, the
 * stock consumer, the confirmation and the pack-task creation; and the same
 * order moves the catalogue's metrics.
 */
let t: TestApp;
let f: ReturnType<typeof orderFixtures>;
let productId: string;
let sku: string;
beforeAll(async () => {
  t = await createTestApp({ demoData: true });
  f = orderFixtures(t);
  const [first] = await demoProducts(t, 1);
  if (!first) throw new Error('no demo product');
  productId = first.id;
  sku = first.sku;
  await setStock(t, sku, 100);
});
afterAll(async () => {
  await t?.close();
});

type Trace = {
  spans: { spanId: string; parentSpanId: string | null; name: string; kind: string; status: string }[];
};

describe('an order placed from the shop', () => {
  it('is one trace from the HTTP request to the consumer that made its pack task', async () => {
    const traceId = crypto.randomUUID().replaceAll('-', '');
    const browserSpan = 'b7ad6b7169203331';
    // A staff member exists, so the confirmation makes a pack task (one per staff member).
    const staff = await t.signIn({ role: 'staff' });
    const customer = await f.customer();
    await customer.order(productId, 1, { traceparent: `00-${traceId}-${browserSpan}-01` });
    await f.pump();

    const { status, body } = await t.getJson<Trace>(`/api/ops/traces/${traceId}`, { headers: staff.headers });
    expect(status).toBe(200);
    const named = (name: string, kind: string) => body.spans.filter((s) => s.name === name && s.kind === kind);
    const [request] = named('POST /api/orders', 'SERVER');
    expect(request?.parentSpanId).toBe(browserSpan);
    const [stock] = named('process OrderPlaced', 'CONSUMER');
    const [packTask] = named('process OrderConfirmed', 'CONSUMER');
    expect(named('publish OrderPlaced', 'PRODUCER')).toHaveLength(1);
    expect(named('publish OrderConfirmed', 'PRODUCER')).toHaveLength(1);
    expect(stock).toBeDefined();
    expect(packTask).toBeDefined();
    // The SQL of each hop is in it: the checkout's, the reservation's and the pack task's inserts.
    const childrenOf = (span: { spanId: string } | undefined) =>
      body.spans.filter((s) => s.parentSpanId === span?.spanId && s.kind === 'CLIENT').map((s) => s.name);
    expect(childrenOf(request)).toContain('db INSERT');
    expect(childrenOf(stock).length).toBeGreaterThan(0);
    expect(childrenOf(packTask)).toContain('db INSERT');
    // One tree: every span hangs from another span of the trace, or from the browser's.
    const ids = new Set(body.spans.map((s) => s.spanId));
    expect(body.spans.filter((s) => s.parentSpanId !== browserSpan && !ids.has(s.parentSpanId ?? ''))).toEqual([]);
    expect(body.spans.filter((s) => s.status === 'error')).toEqual([]);
  });

  it('moves the order, event-flow and HTTP metrics, which the operations API answers', async () => {
    const customer = await f.customer();
    await customer.order(productId, 1);
    await f.pump();
    const now = Date.now();
    const total = (metric: Parameters<TestApp['metrics']['query']>[0]['metric'], statistic: 'Sum' | 'SampleCount') =>
      t.metrics
        .query({ metric, statistic, periodSeconds: 3600, from: now - 3_600_000, to: now + 60_000 })
        .reduce((n, d) => n + d.value, 0);
    expect(total('OrdersPlaced', 'Sum')).toBeGreaterThanOrEqual(1);
    expect(total('OrdersConfirmed', 'Sum')).toBeGreaterThanOrEqual(1);
    expect(total('OrderSettleLatency', 'SampleCount')).toBeGreaterThanOrEqual(1);
    expect(total('RelayLag', 'SampleCount')).toBeGreaterThanOrEqual(2);
    expect(total('QueueAge', 'SampleCount')).toBeGreaterThanOrEqual(2);
    expect(total('EventsConsumed', 'Sum')).toBeGreaterThanOrEqual(2);

    const staff = await t.signIn({ role: 'staff' });
    const orders = await t.getJson<{ datapoints: { value: number }[] }>('/api/ops/metrics?metric=OrdersPlaced', {
      headers: staff.headers,
    });
    expect(orders.status).toBe(200);
    expect(orders.body.datapoints.reduce((n, d) => n + d.value, 0)).toBeGreaterThanOrEqual(1);
    const checkout = await t.getJson<{ datapoints: { value: number }[]; dimensions: string[] }>(
      `/api/ops/metrics?metric=HttpRequests&dimension=${encodeURIComponent('POST /api/orders')}`,
      { headers: staff.headers },
    );
    expect(checkout.body.dimensions).toContain('POST /api/orders');
    expect(checkout.body.datapoints.reduce((n, d) => n + d.value, 0)).toBeGreaterThanOrEqual(2);
  });
});
