import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../src/platform/http/errors.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * Walks the app's route table, so a route added tomorrow is checked without
 * anyone remembering to: every /api route that is not on the public list
 * refuses a request without a token (401), and every /api/admin route refuses
 * customers and staff (403), and every /api/staff route (the back office)
 * refuses customers (403).
 */
const publicRoutes = new Set([
  'GET /api/health',
  'GET /api/products',
  'GET /api/products/:idOrSlug',
  'GET /api/categories',
  'GET /api/openapi.json',
  'GET /api/docs',
  'GET /api/docs/scalar.js',
  // The local object store's answer to S3's POST Object: the HMAC-signed form is the
  // authorization (only the API signs one, for staff, for one key, type and size).
  'POST /api/storage/uploads',
]);

let t: TestApp;
let apiRoutes: { method: string; path: string }[];
beforeAll(async () => {
  t = await createTestApp();
  const seen = new Set<string>();
  apiRoutes = t.app.routes
    .filter((r) => r.path.startsWith('/api/') && !r.path.endsWith('*') && r.method !== 'ALL')
    .filter((r) => {
      const key = `${r.method} ${r.path}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(({ method, path }) => ({ method, path }));
});
afterAll(async () => {
  await t?.close();
});

const concrete = (path: string) => path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
const send = (route: { method: string; path: string }, headers: Record<string, string> = {}) =>
  t.app.request(concrete(route.path), {
    method: route.method,
    headers: { 'Content-Type': 'application/json', ...headers },
    ...(route.method === 'GET' || route.method === 'HEAD' ? {} : { body: '{}' }),
  });

describe('the route table', () => {
  it('has routes behind authentication to check (the walk itself works)', () => {
    const protectedRoutes = apiRoutes.filter((r) => !publicRoutes.has(`${r.method} ${r.path}`));
    expect(protectedRoutes.map((r) => `${r.method} ${r.path}`)).toContain('GET /api/me');
  });

  it('lists only public routes that exist', () => {
    const present = new Set(apiRoutes.map((r) => `${r.method} ${r.path}`));
    for (const route of publicRoutes) expect(present.has(route), route).toBe(true);
  });

  it('refuses every non-public route without a token (401)', async () => {
    for (const route of apiRoutes.filter((r) => !publicRoutes.has(`${r.method} ${r.path}`))) {
      const response = await send(route);
      expect(response.status, `${route.method} ${route.path}`).toBe(401);
      expect(((await response.json()) as ErrorBody).error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses every admin route to customers and staff (403)', async () => {
    const customer = await t.signIn({ role: 'customer' });
    const staff = await t.signIn({ role: 'staff' });
    for (const route of apiRoutes.filter((r) => r.path.startsWith('/api/admin/'))) {
      for (const caller of [customer, staff]) {
        const response = await send(route, caller.headers);
        expect(response.status, `${route.method} ${route.path}`).toBe(403);
      }
    }
  });

  it('marks every answer to a signed-in caller no-store, whatever its status', async () => {
    const admin = await t.signIn({ role: 'admin' });
    const customer = await t.signIn({ role: 'customer' });
    for (const route of apiRoutes.filter((r) => !publicRoutes.has(`${r.method} ${r.path}`))) {
      for (const caller of [admin, customer]) {
        const response = await send(route, caller.headers);
        expect(response.headers.get('cache-control'), `${route.method} ${route.path}`).toBe('no-store');
      }
    }
  });

  it('refuses every back-office route to customers (403)', async () => {
    const customer = await t.signIn({ role: 'customer' });
    const staffRoutes = apiRoutes.filter((r) => r.path.startsWith('/api/staff/'));
    expect(staffRoutes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['GET /api/staff/products', 'GET /api/staff/stock']),
    );
    for (const route of staffRoutes) {
      const response = await send(route, customer.headers);
      expect(response.status, `${route.method} ${route.path}`).toBe(403);
    }
  });
});
