import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { createApp } from './app.js';
import { openEventTransport } from './flows/event-runtime.js';
import { createLogger } from './platform/observability/logger.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('the app wakes the event relay', () => {
  it('after a successful write, and not after a read or a refused write', async () => {
    let wakes = 0;
    const app = createApp({
      config: t.config,
      database: t.database,
      storage: t.storage,
      logger: createLogger({ level: 'silent', service: 'kura-test' }),
      tracing: t.tracing,
      verifyAccessToken: t.verifyAccessToken,
      events: { transport: openEventTransport(t.config.events, t.database.db).transport, wake: () => wakes++ },
    });
    const me = await t.signIn();
    const json = { ...me.headers, 'Content-Type': 'application/json' };
    const read = await app.request('/api/todos', { headers: me.headers });
    expect([read.status, wakes]).toEqual([200, 0]);
    const refused = await app.request('/api/todos', { method: 'POST', headers: json, body: '{}' });
    expect([refused.status, wakes]).toEqual([400, 0]);
    const written = await app.request('/api/todos', { method: 'POST', headers: json, body: '{"title":"梱包"}' });
    expect([written.status, wakes]).toEqual([201, 1]);
  });
});
