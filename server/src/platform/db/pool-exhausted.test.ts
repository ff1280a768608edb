import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { type ErrorBody, errorResponse, toAppError } from '../http/errors.js';
import { classifyDatabaseError } from './db-errors.js';

const config = loadConfig(process.env);

describe('a saturated connection pool', () => {
  it.skipIf(config.database.kind !== 'postgres')(
    'is recognised from node-postgres’ own error (real PostgreSQL only)',
    async () => {
      const { default: pg } = await import('pg');
      const connectionString = config.database.kind === 'postgres' ? config.database.connectionString : undefined;
      const pool = new pg.Pool({ connectionString, max: 1, connectionTimeoutMillis: 10_000 });
      const held = await pool.connect();
      // The one connection is taken: the next caller waits in the pool, briefly.
      pool.options.connectionTimeoutMillis = 100;
      try {
        const error = await pool.query('select 1').then(
          () => undefined,
          (err: unknown) => err,
        );
        expect(classifyDatabaseError(error)).toBe('busy');
        expect(classifyDatabaseError(new Error('wrapped', { cause: error }))).toBe('busy');
      } finally {
        held.release();
        await pool.end();
      }
    },
  );

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After, not 500: nothing was done and a retry is safe', async () => {
    const app = new Hono();
    app.get('/busy', () => {
      throw new Error('Failed query', { cause: new Error('timeout exceeded when trying to connect') });
    });
    app.get('/broken', () => {
      throw new Error('relation "nope" does not exist');
    });
    app.onError((err, c) => errorResponse(c, toAppError(err)));
    const busy = await app.request('/busy');
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('1');
    expect(((await busy.json()) as ErrorBody).error.code).toBe('SERVICE_UNAVAILABLE');
    const broken = await app.request('/broken');
    expect(broken.status).toBe(500);
    expect(broken.headers.get('retry-after')).toBeNull();
  });
});
