import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createLogger } from './logger.js';
import { inSpan } from './tracing.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoData: true });
});
afterAll(async () => {
  await t?.close();
});

function captureLogs() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', service: 'kura-test', destination }) };
}

describe('tracing', () => {
  it('records one trace per request: the HTTP server span with the database spans under it', async () => {
    const response = await t.app.request('/api/products?q=matcha', {
      headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
    });
    expect(response.status).toBe(200);
    const spans = t.tracing.spanStore.traceOf('0af7651916cd43dd8448eb211c80319c');
    const server = spans.find((s) => s.kind === 'SERVER');
    expect(server?.name).toBe('GET /api/products');
    expect(server?.parentSpanId).toBe('b7ad6b7169203331');
    const queries = spans.filter((s) => s.name.startsWith('db '));
    // A search is one statement now (products with their first image); at least that one is traced.
    expect(queries.length).toBeGreaterThanOrEqual(1);
    for (const q of queries) {
      expect(q.parentSpanId).toBe(server?.spanId);
      expect(q.attributes['db.system.name']).toBe('postgresql');
      // Statements are recorded as text with placeholders: parameter values (user input) are not.
      expect(String(q.attributes['db.query.text'])).not.toContain('matcha');
    }
  });
});

describe('logs', () => {
  it('are JSON lines with the trace and span of the work that wrote them', async () => {
    const { lines, logger } = captureLogs();
    await inSpan('work', {}, async (span) => {
      logger.info('inside');
      expect(lines[0]).toMatchObject({
        level: 'info',
        msg: 'inside',
        service: 'kura-test',
        traceId: span.spanContext().traceId,
        spanId: span.spanContext().spanId,
      });
    });
  });

  it('redact credentials wherever they appear', () => {
    const { lines, logger } = captureLogs();
    logger.info(
      {
        password: 'hunter2',
        db: { connectionString: 'postgres://kura:hunter2@db/kura' },
        req: { headers: { authorization: 'Bearer secret-token', cookie: 'sid=abc' } },
        user: { token: 'tok_123' },
      },
      'attempt',
    );
    const text = JSON.stringify(lines[0]);
    expect(text).not.toMatch(/hunter2|secret-token|sid=abc|tok_123/);
    expect(text).toContain('[redacted]');
  });
});
