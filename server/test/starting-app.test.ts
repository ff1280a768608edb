import { describe, expect, it } from 'vitest';
import type { ErrorBody } from '../src/platform/http/errors.js';
import { startingApp } from '../src/server.js';

/** What the URL answers in the seconds before the database is open. */
describe('while Kura is starting', () => {
  const app = startingApp();

  it('is alive but not ready', async () => {
    for (const path of ['/health', '/api/health']) {
      const response = await app.request(path);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    }
    const ready = await app.request('/ready');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'starting' });
  });

  it('answers the API with the one error body, asking to retry', async () => {
    const response = await app.request('/api/products');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(((await response.json()) as ErrorBody).error.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('shows people a page that refreshes itself', async () => {
    const response = await app.request('/todos');
    expect(response.status).toBe(503);
    const html = await response.text();
    expect(html).toContain('http-equiv="refresh"');
    expect(html).toContain('起動しています');
  });
});
