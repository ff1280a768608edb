import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceToken } from '../src/modules/identity/service-tokens.js';
import { serviceScopes } from '../src/platform/auth/principal.js';
import { otlpScope, serviceTokenScheme } from '../src/platform/auth/service-scopes.js';
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
  // One admin sends every operation many times here (a case per string field): past a person's pace, so
  // the per-caller limits are raised; test/rate-limits.test.ts checks them.
  const many = { limit: 100_000, windowMs: 60_000 };
  t = await createTestApp({ rateLimits: { checkout: many, imageUploads: many, productImports: many } });
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
    const staffRoutes = apiRoutes.filter(
      (r) => r.path.startsWith('/api/staff/') || r.path.startsWith('/api/telemetry/') || r.path.startsWith('/api/ops/'),
    );
    expect(staffRoutes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'GET /api/staff/products',
        'GET /api/staff/stock',
        'GET /api/staff/overview',
        'POST /api/staff/telemetry/devices',
        'GET /api/telemetry/devices',
        'GET /api/ops/traces/:traceId',
        'GET /api/ops/traces',
        'GET /api/ops/logs',
        'PUT /api/staff/faults/:target',
        'GET /api/ops/metrics',
        'GET /api/ops/dashboard',
        'GET /api/ops/alarms',
      ]),
    );
    for (const route of staffRoutes) {
      const response = await send(route, customer.headers);
      expect(response.status, `${route.method} ${route.path}`).toBe(403);
    }
  });
});

describe('service tokens', () => {
  /** The scope each operation declares for service tokens, by `METHOD /hono/:path`. */
  async function declaredScopes() {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as OpenApiDocument;
    const declared = new Map<string, string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const scope = operation.security?.find((r) => serviceTokenScheme in r)?.[serviceTokenScheme]?.[0];
        if (scope) declared.set(`${method.toUpperCase()} ${path.replaceAll(/\{(\w+)\}/g, ':$1')}`, scope);
      }
    }
    return declared;
  }

  it('are declared for reads only, and every scope an admin can issue opens some route', async () => {
    const declared = await declaredScopes();
    expect([...declared.keys()].filter((route) => !route.startsWith('GET '))).toEqual([]);
    // The one write scope is the local OTLP receiver's, outside the API (otlp-receiver.test.ts checks it).
    expect(new Set([...declared.values(), otlpScope])).toEqual(new Set(serviceScopes));
    const present = new Set(apiRoutes.map((r) => `${r.method} ${r.path}`));
    for (const route of declared.keys()) expect(present.has(route), route).toBe(true);
  });

  it('reach exactly the routes that declare a scope they hold: 403 everywhere else', async () => {
    const admin = await t.signIn({ role: 'admin' });
    const declared = await declaredScopes();
    const tokenFor = async (scopes: (typeof serviceScopes)[number][]) =>
      (await createServiceToken(t.database.db, { name: scopes.join('+'), scopes, createdBy: admin.userId })).secret;
    const callers = [
      { scopes: [...serviceScopes], secret: await tokenFor([...serviceScopes]) },
      ...(await Promise.all(
        serviceScopes.map(async (scope) => ({ scopes: [scope], secret: await tokenFor([scope]) })),
      )),
    ];
    const wrong: string[] = [];
    for (const caller of callers) {
      for (const route of apiRoutes.filter((r) => !publicRoutes.has(`${r.method} ${r.path}`))) {
        const key = `${route.method} ${route.path}`;
        const scope = declared.get(key);
        const response = await send(route, { Authorization: `Bearer ${caller.secret}` });
        const allowed = scope !== undefined && (caller.scopes as string[]).includes(scope);
        // Refused means 403 before anything else (no validation answer first); allowed means neither 401 nor 403.
        const ok = allowed ? response.status !== 401 && response.status !== 403 : response.status === 403;
        if (!ok) wrong.push(`${caller.scopes.join('+')} → ${key}: ${response.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

/** The parts of an OpenAPI 3.1 document the walk below reads. */
type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  minimum?: number;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};
type Operation = {
  security?: Record<string, string[]>[];
  parameters?: { in: 'path' | 'query' | 'header'; name: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
};
type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
};

/** Values tried for a `pattern`; the walk fails, naming the pattern, when none fits a new one. */
const patternCandidates = ['abc', 'kura-1', '100-0001', '03-1234-5678', '0af7651916cd43dd8448eb211c80319c'];
const formatSamples: Record<string, string> = {
  uuid: '00000000-0000-4000-8000-000000000000',
  email: 'someone@example.test',
  'date-time': '2030-01-01T00:00:00.000Z',
  date: '2030-01-01',
  uri: 'https://example.test/',
};

const resolve = (schema: JsonSchema, doc: OpenApiDocument): JsonSchema => {
  if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.split('/').pop() ?? ''] ?? {}, doc);
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice) return resolve(choice.find((s) => s.type !== 'null') ?? choice[0] ?? {}, doc);
  return schema;
};
const typeOf = (schema: JsonSchema) =>
  Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;

/** A value the schema accepts (as far as it says), with only the required properties of objects. */
function sampleOf(schema: JsonSchema, doc: OpenApiDocument): unknown {
  const s = resolve(schema, doc);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  switch (typeOf(s)) {
    case 'object':
      return Object.fromEntries((s.required ?? []).map((k) => [k, sampleOf(s.properties?.[k] ?? {}, doc)]));
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sampleOf(s.items ?? {}, doc));
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return true;
    case 'string': {
      if (s.pattern) {
        const pattern = new RegExp(s.pattern, 'u');
        const sample = patternCandidates.find((candidate) => pattern.test(candidate));
        if (sample === undefined) throw new Error(`no candidate fits the pattern ${s.pattern}: add one`);
        return sample;
      }
      if (s.format && formatSamples[s.format]) return formatSamples[s.format];
      return 'x'.repeat(Math.max(3, s.minLength ?? 0));
    }
    default:
      return 'x';
  }
}

/**
 * For each string the schema allows anywhere (optional ones too), a value that
 * has U+0000 there and is otherwise the sample: so only that field is wrong.
 */
function withNulInEachString(schema: JsonSchema, doc: OpenApiDocument): { path: string; value: unknown }[] {
  const s = resolve(schema, doc);
  const join = (head: string | number, tail: string) => (tail ? `${head}.${tail}` : String(head));
  switch (typeOf(s)) {
    case 'string':
      return [{ path: '', value: `${sampleOf(s, doc)}\u0000x` }];
    case 'object':
      return Object.entries(s.properties ?? {}).flatMap(([key, property]) =>
        withNulInEachString(property, doc).map((inner) => ({
          path: join(key, inner.path),
          value: { ...(sampleOf(s, doc) as object), [key]: inner.value },
        })),
      );
    case 'array':
      return withNulInEachString(s.items ?? {}, doc).map((inner) => ({
        path: join(0, inner.path),
        value: [inner.value],
      }));
    default:
      return [];
  }
}

describe('U+0000 (legal in JSON and URLs, never storable in PostgreSQL text)', () => {
  it('is refused with 400 naming the field, in every string of every documented operation', async () => {
    const admin = await t.signIn({ role: 'admin' });
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as OpenApiDocument;
    const statuses = new Map<number, number>();
    const wrong: string[] = [];
    let cases = 0;
    for (const [template, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const parameters = operation.parameters ?? [];
        const pathParams = parameters.filter((p) => p.in === 'path');
        const queryStrings = parameters.filter((p) => p.in === 'query' && sampleOf(p.schema, doc) !== undefined);
        const jsonBody = operation.requestBody?.content['application/json']?.schema;
        const bodySample = jsonBody ? sampleOf(jsonBody, doc) : undefined;
        const bodyVariants = jsonBody ? withNulInEachString(jsonBody, doc) : [];
        const urlOf = (nulIn?: string) => {
          const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
            encodeURIComponent(
              `${name === nulIn ? 'a\u0000b' : String(sampleOf(pathParams.find((p) => p.name === name)?.schema ?? {}, doc))}`,
            ),
          );
          const query =
            nulIn && queryStrings.some((q) => q.name === nulIn)
              ? `?${new URLSearchParams({ [nulIn]: 'a\u0000b' })}`
              : '';
          return `${path}${query}`;
        };
        const variants: { field: string; url: string; body?: unknown }[] = [
          ...pathParams.map((p) => ({ field: p.name, url: urlOf(p.name), body: bodySample })),
          ...queryStrings
            .filter((q) => typeof sampleOf(q.schema, doc) === 'string')
            .map((q) => ({ field: q.name, url: urlOf(q.name), body: bodySample })),
          ...bodyVariants.map((v) => ({ field: v.path, url: urlOf(), body: v.value })),
        ];
        for (const variant of variants) {
          cases++;
          const label = `${method.toUpperCase()} ${variant.url} (${variant.field})`;
          const response = await t.app.request(variant.url, {
            method: method.toUpperCase(),
            headers: {
              ...admin.headers,
              'Content-Type': 'application/json',
              'If-Match': '"1"',
              'Idempotency-Key': crypto.randomUUID(),
            },
            ...(variant.body === undefined ? {} : { body: JSON.stringify(variant.body) }),
          });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const { error } = (await response.json()) as Partial<ErrorBody>;
          const named = error?.details?.some((d) => d.path === variant.field) ?? false;
          if (response.status !== 400 || error?.code !== 'VALIDATION_FAILED' || !named)
            wrong.push(`${label}: ${response.status} ${error?.code} ${error?.message}`);
        }
      }
    }
    // The walk reached the operations the audit found failing (search, todos, addresses, back office, admin).
    expect(wrong).toEqual([]);
    expect(cases).toBeGreaterThan(100);
    expect(Object.fromEntries(statuses)).toEqual({ 400: cases });
  });

  it('is refused in every path parameter of every route, documented or not, and in paths outside the API', async () => {
    const admin = await t.signIn({ role: 'admin' });
    const paths = [
      ...apiRoutes
        .filter((r) => r.path.includes('/:'))
        .flatMap((r) =>
          [...r.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
            method: r.method,
            path: r.path.replace(/:(\w+)/g, (_, other: string) => (other === name ? 'a%00b' : 'x')),
          })),
        ),
      ...['/a%00b', '/products/a%00b', '/assets/a%00b.js', '/media/a%00b', '/media/products/a%00b.webp'].map(
        (path) => ({ method: 'GET', path }),
      ),
    ];
    const failed = [];
    for (const { method, path } of paths) {
      const response = await t.app.request(path, {
        method,
        headers: { ...admin.headers, 'Content-Type': 'application/json', 'If-Match': '"1"' },
        ...(method === 'GET' || method === 'DELETE' ? {} : { body: '{}' }),
      });
      if (response.status >= 500) failed.push(`${method} ${path}: ${response.status}`);
    }
    expect(paths.length).toBeGreaterThan(30);
    expect(failed).toEqual([]);
  });

  it('is reported as a row error in a CSV import, with the column named, and nothing is written', async () => {
    const staff = await t.signIn({ role: 'staff' });
    const csv = 'sku,name_ja,name_en,category,price,tax_class\nNUL-1,酒\u0000,Sake,sake,1000,standard\n';
    const response = await t.app.request('/api/staff/products/import', {
      method: 'POST',
      headers: { ...staff.headers, 'Content-Type': 'text/csv' },
      body: csv,
    });
    expect(response.status).toBeLessThan(500);
    const report = (await response.json()) as { errors: { row: number; column: string | null; code: string }[] };
    expect(report.errors).toContainEqual(expect.objectContaining({ row: 2, column: 'name_ja', code: 'nul_character' }));
    const lookup = await t.app.request('/api/staff/products?q=NUL-1', { headers: staff.headers });
    expect(((await lookup.json()) as { items: unknown[] }).items).toEqual([]);
  });

  it('is refused in the local upload form (multipart)', async () => {
    const form = new FormData();
    for (const field of ['key', 'policy', 'x-kura-signature', 'Content-Type']) form.set(field, 'a\u0000b');
    form.set('file', new Blob(['x'], { type: 'image/png' }), 'a\u0000b.png');
    const response = await t.app.request('/api/storage/uploads', { method: 'POST', body: form });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});

describe('limits and unknown fields, on every documented operation', () => {
  it('bounds every query parameter: a page is at most 100 items, a string has a length, an enum or a pattern', async () => {
    const admin = await t.signIn({ role: 'admin' });
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as OpenApiDocument;
    const wrong: string[] = [];
    for (const [template, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const parameter of (operation.parameters ?? []).filter((p) => p.in === 'query')) {
          const s = resolve(parameter.schema, doc) as JsonSchema & { maximum?: number; maxLength?: number };
          const where = `${method.toUpperCase()} ${template} ?${parameter.name}`;
          let tooBig: string | undefined;
          if (typeOf(s) === 'integer' && parameter.name === 'limit') {
            if (s.maximum === undefined || s.maximum > 100) wrong.push(`${where}: page size not bounded by 100`);
            tooBig = String((s.maximum ?? 100) + 1);
          } else if (typeOf(s) === 'string' && !s.enum) {
            if (s.maxLength === undefined && !s.pattern) wrong.push(`${where}: unbounded string`);
            tooBig = 'x'.repeat((s.maxLength ?? 100) + 1);
          }
          if (tooBig === undefined) continue;
          const path = template.replace(/\{\w+\}/g, 'x');
          const response = await t.app.request(`${path}?${new URLSearchParams({ [parameter.name]: tooBig })}`, {
            method: method.toUpperCase(),
            headers: { ...admin.headers, 'Content-Type': 'text/csv' },
          });
          if (response.status !== 400) wrong.push(`${where}=${tooBig.slice(0, 10)}…: ${response.status}, not 400`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('never lets a body set who owns, who made or what role: extra fields change nothing', async () => {
    const victim = await t.signIn();
    const customer = await t.signIn();
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as OpenApiDocument;
    const privileged = {
      id: crypto.randomUUID(),
      userId: victim.userId,
      ownerId: victim.userId,
      customerId: victim.userId,
      createdBy: victim.userId,
      role: 'admin',
      status: 'active',
      groups: ['admin'],
    };
    const statuses = new Map<number, number>();
    for (const [template, item] of Object.entries(doc.paths)) {
      if (template.startsWith('/api/admin/') || template.startsWith('/api/staff/')) continue;
      for (const [method, operation] of Object.entries(item)) {
        const schema = operation.requestBody?.content['application/json']?.schema;
        if (!schema) continue;
        const body = { ...(sampleOf(schema, doc) as object), ...privileged };
        const response = await t.app.request(template.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000'), {
          method: method.toUpperCase(),
          headers: { ...customer.headers, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
          body: JSON.stringify(body),
        });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status, `${method} ${template}`).toBeLessThan(500);
      }
    }
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(5);
    const me = (await (await t.app.request('/api/me', { headers: customer.headers })).json()) as { role: string };
    expect(me.role).toBe('customer');
    // Whatever was created went to the caller, never to the user the body named.
    const victimTodos = (await (await t.app.request('/api/todos', { headers: victim.headers })).json()) as {
      items: unknown[];
    };
    expect(victimTodos.items).toEqual([]);
    const victimCart = (await (await t.app.request('/api/cart', { headers: victim.headers })).json()) as {
      lines: unknown[];
    };
    expect(victimCart.lines).toEqual([]);
    const victimOrders = (await (await t.app.request('/api/orders', { headers: victim.headers })).json()) as {
      items: unknown[];
    };
    expect(victimOrders.items).toEqual([]);
  });
});
