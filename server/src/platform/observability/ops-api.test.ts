import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ErrorBody } from '../http/errors.js';

let t: TestApp;
let staff: Awaited<ReturnType<TestApp['signIn']>>;
beforeAll(async () => {
  t = await createTestApp({ demoData: true });
  staff = await t.signIn({ role: 'staff' });
});
afterAll(async () => {
  await t?.close();
});

const traceId = () => crypto.randomUUID().replaceAll('-', '');
const traceparent = (id: string) => `00-${id}-b7ad6b7169203331-01`;

type Trace = {
  traceId: string;
  spans: {
    spanId: string;
    parentSpanId: string | null;
    name: string;
    service: string;
    kind: string;
    startTime: string;
    durationMs: number;
    status: string;
    attributes: Record<string, unknown>;
  }[];
};
type Summaries = { items: { traceId: string; route: string | null; status: string; durationMs: number }[] };
type Logs = { items: { level: string; module: string; msg: string; traceId: string | null }[] };

describe('GET /api/ops/traces/{traceId}', () => {
  it("answers one request's spans: the server span from the caller's traceparent, its SQL under it", async () => {
    const id = traceId();
    const shop = await t.app.request('/api/products?q=matcha', { headers: { traceparent: traceparent(id) } });
    expect(shop.status).toBe(200);
    const { status, body } = await t.getJson<Trace>(`/api/ops/traces/${id}`, { headers: staff.headers });
    expect(status).toBe(200);
    expect(body.traceId).toBe(id);
    const server = body.spans.find((s) => s.kind === 'SERVER');
    expect(server).toMatchObject({ name: 'GET /api/products', parentSpanId: 'b7ad6b7169203331', status: 'unset' });
    expect(server?.service).toBe('kura-test');
    expect(Date.parse(server?.startTime ?? '')).not.toBeNaN();
    const sql = body.spans.filter((s) => s.kind === 'CLIENT');
    expect(sql.length).toBeGreaterThan(0);
    for (const span of sql) {
      expect(span.parentSpanId).toBe(server?.spanId);
      expect(String(span.attributes['db.query.text'])).not.toContain('matcha');
      expect(String(span.attributes['db.query.text']).length).toBeLessThanOrEqual(500);
    }
  });

  it('is 404 NOT_FOUND for a trace it keeps nothing of, 400 for a malformed id', async () => {
    const missing = await t.getJson<ErrorBody>(`/api/ops/traces/${traceId()}`, { headers: staff.headers });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'NOT_FOUND']);
    const malformed = await t.getJson<ErrorBody>('/api/ops/traces/not-a-trace', { headers: staff.headers });
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('is refused to customers (403) and to callers without a token (401)', async () => {
    const customer = await t.signIn();
    expect((await t.app.request(`/api/ops/traces/${traceId()}`, { headers: customer.headers })).status).toBe(403);
    expect((await t.app.request(`/api/ops/traces/${traceId()}`)).status).toBe(401);
  });
});

describe('GET /api/ops/traces', () => {
  it('finds recent traces by route, status and duration, newest first', async () => {
    const ok = traceId();
    await t.app.request('/api/categories', { headers: { traceparent: traceparent(ok) } });

    const byRoute = await t.getJson<Summaries>('/api/ops/traces?route=categories&limit=5', { headers: staff.headers });
    expect(byRoute.status).toBe(200);
    expect(byRoute.body.items[0]).toMatchObject({ traceId: ok, route: 'GET /api/categories', status: 'unset' });
    expect(byRoute.body.items.every((s) => s.route?.includes('categories'))).toBe(true);

    const slow = await t.getJson<Summaries>('/api/ops/traces?minDurationMs=3600000', { headers: staff.headers });
    expect(slow.body.items).toEqual([]);

    const errors = await t.getJson<Summaries>('/api/ops/traces?status=error', { headers: staff.headers });
    expect(errors.body.items.every((s) => s.status === 'error')).toBe(true);
    expect(errors.body.items.map((s) => s.traceId)).not.toContain(ok);
  });

  it('refuses a bad filter with 400 VALIDATION_FAILED', async () => {
    for (const query of ['status=broken', 'minDurationMs=-1', 'limit=101']) {
      const { status, body } = await t.getJson<ErrorBody>(`/api/ops/traces?${query}`, { headers: staff.headers });
      expect([query, status, body.error.code]).toEqual([query, 400, 'VALIDATION_FAILED']);
    }
  });
});

describe('GET /api/ops/logs', () => {
  it("filters the process's structured log lines by level, module and trace", async () => {
    const id = traceId();
    await t.app.request('/api/categories', { headers: { traceparent: traceparent(id) } });
    const byTrace = await t.getJson<Logs>(`/api/ops/logs?traceId=${id}`, { headers: staff.headers });
    expect(byTrace.status).toBe(200);
    expect(byTrace.body.items).toEqual([
      expect.objectContaining({ level: 'info', module: 'http', msg: 'request', traceId: id }),
    ]);
    const http = await t.getJson<Logs>('/api/ops/logs?module=http&limit=3', { headers: staff.headers });
    expect(http.body.items.length).toBe(3);
    expect(http.body.items.every((l) => l.module === 'http')).toBe(true);
    const errors = await t.getJson<Logs>('/api/ops/logs?level=error', { headers: staff.headers });
    expect(errors.body.items.every((l) => l.level === 'error' || l.level === 'fatal')).toBe(true);
  });

  it('never shows a credential the request carried', async () => {
    await t.app.request('/api/me', { headers: staff.headers });
    const all = await t.app.request('/api/ops/logs?limit=100', { headers: staff.headers });
    expect(await all.text()).not.toContain(staff.token);
  });
});

describe('GET /api/ops/process', () => {
  it("answers the process's memory and what its bounded stores hold (staff), for the bench's flat-memory check", async () => {
    await t.app.request('/api/categories');
    const { status, body } = await t.getJson<{
      pid: number;
      memory: { rssBytes: number; heapUsedBytes: number };
      stores: { spans: number; spanBytes: number; logLines: number; metricSeries: number };
    }>('/api/ops/process', { headers: staff.headers });
    expect(status).toBe(200);
    expect(body.pid).toBe(process.pid);
    expect(body.memory.rssBytes).toBeGreaterThan(body.memory.heapUsedBytes);
    expect(body.stores.spans).toBeGreaterThan(0);
    expect(body.stores.metricSeries).toBeGreaterThan(0);
    const customer = await t.signIn();
    expect((await t.app.request('/api/ops/process', { headers: customer.headers })).status).toBe(403);
  });
});
