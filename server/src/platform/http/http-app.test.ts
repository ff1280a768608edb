import { validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ErrorBody } from './errors.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('platform HTTP', () => {
  it('answers liveness and readiness', async () => {
    for (const path of ['/health', '/api/health']) {
      const { status, body } = await t.getJson(path);
      expect(status).toBe(200);
      expect(body).toEqual({ status: 'ok' });
    }
    expect((await t.getJson('/ready')).body).toEqual({ status: 'ready' });
  });

  it('answers unknown API paths with 401 to strangers (routes stay unlisted) and the JSON 404 to callers', async () => {
    const anonymous = await t.app.request('/api/no-such-thing');
    expect(anonymous.status).toBe(401);
    const user = await t.signIn();
    const response = await t.app.request('/api/no-such-thing', {
      headers: { 'X-Request-Id': 'abc-123', ...user.headers },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toBe('abc-123');
    const body = (await response.json()) as ErrorBody;
    expect(body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String), requestId: 'abc-123' } });
  });

  it('lets pages post uploads only to the site itself when the store is local', async () => {
    const csp = (await t.app.request('/')).headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("form-action 'self'");
  });

  it('replaces an unsafe incoming request id', async () => {
    const response = await t.app.request('/api/nope', { headers: { 'X-Request-Id': 'bad id <script>' } });
    const body = (await response.json()) as ErrorBody;
    expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a body over the limit with 413 before reading it all', async () => {
    const response = await t.app.request('/api/products', {
      method: 'POST',
      body: 'x'.repeat(1024 * 1024 + 1),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorBody).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('sets security headers on every response', async () => {
    const response = await t.app.request('/api/categories');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('sends an asset precompressed by the build when the browser accepts it, with Vary: Accept-Encoding', async () => {
    const { writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } = await import('node:zlib');
    const script = `console.log(${JSON.stringify('蔵'.repeat(500))});`;
    const path = join(t.config.webDist, 'assets', 'zipped-9a8b7c.js');
    await writeFile(path, script);
    await writeFile(`${path}.br`, brotliCompressSync(script));
    await writeFile(`${path}.gz`, gzipSync(script));
    const get = (encoding: string) =>
      t.app.request('/assets/zipped-9a8b7c.js', { headers: { 'Accept-Encoding': encoding } });

    const br = await get('gzip, deflate, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toContain('Accept-Encoding');
    expect(br.headers.get('content-type')).toContain('javascript');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(script);
    const gz = await get('gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(script);
    const plain = await get('identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it('serves the SPA: hashed assets cached for a year, other paths fall back to index.html', async () => {
    const asset = await t.app.request('/assets/app-3f2a1b.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await t.app.request('/assets/missing-123.js')).status).toBe(404);
    for (const path of ['/', '/products/some-slug', '/todos', '/todos/active', '/TODOS/active/', '/admin']) {
      const page = await t.app.request(path);
      expect(page.status, path).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(await page.text()).toContain('Kura test shell');
    }
  });

  it('answers a path the SPA has no page for with 404, still showing the app (its not-found page)', async () => {
    for (const path of ['/ja/anything', '/products', '/products/a/b', '/todos/a/b', '/wp-login.php', '/admin/x']) {
      const page = await t.app.request(path);
      expect(page.status, path).toBe(404);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toContain('Kura test shell');
    }
  });

  it('serves a real robots.txt that keeps crawlers out of the API, sign-in and personal pages', async () => {
    const robots = await t.app.request('/robots.txt');
    expect(robots.status).toBe(200);
    expect(robots.headers.get('content-type')).toMatch(/^text\/plain/);
    const lines = (await robots.text()).split('\n');
    expect(lines).toEqual(
      expect.arrayContaining(['User-agent: *', 'Disallow: /api/', 'Disallow: /admin', 'Disallow: /oidc/']),
    );
  });

  it('publishes a valid OpenAPI 3.1 document describing the catalog', async () => {
    const { status, body } = await t.getJson<{
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    }>('/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/products', '/api/products/{idOrSlug}', '/api/categories']),
    );
    expect(Object.keys(body.components.schemas)).toEqual(
      expect.arrayContaining(['ProductSummary', 'Product', 'ProductList', 'Category', 'CategoryList', 'Error']),
    );
    const result = await validate(structuredClone(body) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it('tells the SPA how to sign in (/config.json), uncached', async () => {
    const response = await t.app.request('http://localhost:4999/config.json');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.json()).toEqual({
      profile: 'local',
      apiBaseUrl: '/api',
      oidc: {
        issuer: 'http://localhost:4999/oidc',
        clientId: 'kura-web',
        authDomain: null,
        scope: 'openid profile email offline_access',
        resource: null,
      },
    });
  });

  it('serves the API docs page with its script from this server, not a CDN', async () => {
    const page = await t.app.request('/api/docs');
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('src="/api/docs/scalar.js"');
    expect(html).not.toMatch(/https?:\/\//);
    const script = await t.app.request('/api/docs/scalar.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await script.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
  });
});
