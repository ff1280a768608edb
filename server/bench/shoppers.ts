import { parseArgs } from 'node:util';
import { createOidcTestClient } from '../src/modules/identity/adapters/local-oidc/oidc-test-client.js';
import { deliveryDateIn } from '../src/modules/ordering/delivery.js';
import { startToolTracing } from '../src/platform/observability/tool-tracing.js';

/**
 * `npm run load -- --users N --minutes M --url http://127.0.0.1:3000`:
 * synthetic shoppers against a running Kura. Each signs up on the local
 * sign-in provider (a real account, a real code + PKCE exchange), then
 * repeats one journey — browse, search, open a product, add it to the cart,
 * look at the cart, check out — with a pause between steps, until the time
 * is up. Bounded in users (≤ 50), minutes (≤ 30) and journeys per shopper.
 * At the end: requests, the status histogram and p50/p95 per step.
 * With `--otlp-url` (and KURA_OTLP_TOKEN, a service token with otlp:write) each
 * journey is a trace sent to that Kura's console, its requests spans under it.
 *
 * Sign-in goes through Kura's own provider, so it works against `npm start`
 * and any Kura without a configured issuer; a Cognito-backed deployment is
 * exercised by its Synthetics canary instead.
 */
const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '3' },
    minutes: { type: 'string', default: '1' },
    url: { type: 'string', default: 'http://localhost:3000' },
    'think-ms': { type: 'string', default: '500' },
    'max-journeys': { type: 'string', default: '200' },
    'otlp-url': { type: 'string', default: process.env.KURA_OTLP_URL },
  },
});
const users = bounded('users', values.users, 1, 50);
const minutes = bounded('minutes', values.minutes, 0.05, 30);
const thinkMs = bounded('think-ms', values['think-ms'], 0, 10_000);
const maxJourneys = bounded('max-journeys', values['max-journeys'], 1, 10_000);
const origin = new URL(values.url).origin;
const tracing = startToolTracing({
  serviceName: 'kura-load',
  otlpUrl: values['otlp-url'],
  token: process.env.KURA_OTLP_TOKEN,
});

function bounded(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    process.stderr.write(`--${name} must be a number from ${min} to ${max} (got ${raw})\n`);
    process.exit(2);
  }
  return value;
}

type Sample = { step: string; status: number; ms: number };
const samples: Sample[] = [];
const deadline = Date.now() + minutes * 60_000;
const pause = () => new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + Math.random())));

async function call(step: string, path: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  if (init.body) headers.set('content-type', 'application/json');
  const started = performance.now();
  let status = 0; // 0: no answer (connection refused, timeout)
  let body: unknown;
  try {
    ({ status, body } = await tracing.traced(step, { 'http.request.method': init.method ?? 'GET' }, async (trace) => {
      for (const [name, value] of Object.entries(trace)) headers.set(name, value);
      const response = await fetch(new URL(path, origin), { ...init, headers, signal: AbortSignal.timeout(15_000) });
      const answer = response.headers.get('content-type')?.includes('json')
        ? await response.json()
        : await response.text();
      return { status: response.status, body: answer as unknown };
    }));
  } catch {
    body = undefined;
  }
  samples.push({ step, status, ms: performance.now() - started });
  return { status, body };
}

async function signUp(n: number): Promise<string> {
  const client = createOidcTestClient({ origin });
  const started = performance.now();
  const { uid, verifier } = await client.authorize();
  const email = `load-${Date.now().toString(36)}-${n}@load.kura.test`;
  const { callback, response } = await client.submit(`/oidc/interaction/${uid}/signup`, {
    email,
    password: `load-password-${crypto.randomUUID()}`,
    displayName: `Load ${n}`,
  });
  samples.push({ step: 'sign-up', status: callback ? 200 : response.status, ms: performance.now() - started });
  if (!callback) throw new Error(`sign-up of shopper ${n} refused (${response.status})`);
  return (await client.exchange(callback, verifier)).access_token;
}

type ProductPage = { items: { id: string; slug: string; name: { ja: string } }[] };
const searchTerms = ['米', '酒', '茶', '味噌', 'せんべい'];

async function journey(token: string): Promise<boolean> {
  const list = await call('browse', '/api/products?limit=24', { token });
  await pause();
  const term = searchTerms[Math.floor(Math.random() * searchTerms.length)] ?? '米';
  const found = await call('search', `/api/products?q=${encodeURIComponent(term)}`, { token });
  const items = ((found.status === 200 ? found.body : list.body) as ProductPage | undefined)?.items ?? [];
  const product = items[Math.floor(Math.random() * items.length)];
  if (!product) return false;
  await pause();
  await call('product', `/api/products/${product.slug}`, { token });
  await pause();
  await call('add to cart', '/api/cart/lines', {
    method: 'POST',
    token,
    body: JSON.stringify({ productId: product.id, quantity: 1 }),
  });
  await call('cart', '/api/cart', { token });
  await pause();
  const order = await call('checkout', '/api/orders', {
    method: 'POST',
    token,
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({
      lines: [{ productId: product.id, quantity: 1 }],
      shippingAddress: {
        postalCode: '150-0001',
        prefecture: '東京都',
        city: '渋谷区',
        line1: '神宮前1-2-3',
        name: '負荷 太郎',
        phone: '03-1234-5678',
      },
      delivery: { date: deliveryDateIn(3, new Date()), slot: '14-16' },
    }),
  });
  return order.status === 201;
}

async function shopper(n: number): Promise<{ journeys: number; orders: number }> {
  let token: string;
  try {
    token = await signUp(n);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return { journeys: 0, orders: 0 };
  }
  let journeys = 0;
  let orders = 0;
  while (Date.now() < deadline && journeys < maxJourneys) {
    if (await tracing.traced('journey', { 'kura.shopper': n }, () => journey(token))) orders++;
    journeys++;
    await pause();
  }
  return { journeys, orders };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

process.stdout.write(`${users} shoppers for ${minutes} min against ${origin}\n`);
const started = Date.now();
const results = await Promise.all(Array.from({ length: users }, (_, n) => shopper(n)));
const seconds = (Date.now() - started) / 1000;
await tracing.shutdown();

const histogram = new Map<number, number>();
for (const s of samples) histogram.set(s.status, (histogram.get(s.status) ?? 0) + 1);
const rows = [...new Set(samples.map((s) => s.step)), 'all'].map((step) => {
  const ms = samples
    .filter((s) => step === 'all' || s.step === step)
    .map((s) => s.ms)
    .sort((a, b) => a - b);
  return { step, requests: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95) };
});
process.stdout.write(
  [
    '',
    `journeys ${results.reduce((n, r) => n + r.journeys, 0)}, orders placed ${results.reduce((n, r) => n + r.orders, 0)}, in ${seconds.toFixed(1)} s`,
    `requests ${samples.length} (${(samples.length / seconds).toFixed(1)}/s)`,
    `status   ${[...histogram.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status === 0 ? 'no answer' : status}: ${count}`)
      .join(', ')}`,
    '',
    `${'step'.padEnd(12)} ${'requests'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`,
    ...rows.map(
      (r) =>
        `${r.step.padEnd(12)} ${String(r.requests).padStart(8)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)}`,
    ),
    '',
  ].join('\n'),
);
