import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../observability/logger.js';
import { startTracing } from '../observability/tracing.js';
import { createHttpApp } from './http-app.js';

// The HTTP shell on its own, with two configured origins (KURA_CORS_ORIGINS) and one route.
const tracing = startTracing({ serviceName: 'kura-cors-test', otlpEndpoint: undefined });
const app = createHttpApp({
  logger: createLogger({ level: 'silent', service: 'kura-cors-test' }),
  tracerProvider: tracing.provider,
  serviceName: 'kura-cors-test',
  checkReady: async () => {},
  corsOrigins: ['https://shop.example.jp', 'https://admin.example.jp'],
});
app.get('/api/things', (c) => c.json({ ok: true }));
afterAll(() => tracing.shutdown());

const preflight = (origin: string) =>
  app.request('/api/things', {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'PATCH',
      'Access-Control-Request-Headers': 'authorization, if-match, idempotency-key',
    },
  });

describe('CORS', () => {
  it('lets a configured origin call the API with bearer tokens and read the ETag', async () => {
    const response = await app.request('/api/things', { headers: { Origin: 'https://admin.example.jp' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://admin.example.jp');
    expect(response.headers.get('access-control-expose-headers')).toContain('ETag');
    expect(response.headers.get('vary')).toContain('Origin');

    const allowed = await preflight('https://shop.example.jp');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example.jp');
    expect(allowed.headers.get('access-control-allow-methods')).toContain('PATCH');
    for (const header of ['Authorization', 'If-Match', 'Idempotency-Key']) {
      expect(allowed.headers.get('access-control-allow-headers')).toContain(header);
    }
  });

  it('gives any other origin nothing a browser would accept', async () => {
    for (const origin of ['https://evil.example', 'https://shop.example.jp.evil.example', 'null']) {
      const response = await app.request('/api/things', { headers: { Origin: origin } });
      expect(response.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect((await preflight(origin)).headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });

  it('never allows credentials: the API takes bearer tokens, not cookies', async () => {
    const response = await preflight('https://shop.example.jp');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });
});
