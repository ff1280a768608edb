import type { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { type AppEnv, createRouter } from '../../../platform/http/app-env.js';
import { AppError, errorResponse } from '../../../platform/http/errors.js';
import type { TelemetryDeps } from '../deps.js';
import { ingestReadings } from '../ingest-readings.js';

/** 500 readings take ~50 KB as devices write them; room for pretty-printing, not for a flood. */
const maxBodyBytes = 256 * 1024;

/**
 * The device-facing ingest endpoint, public (a device key is its
 * authentication): only HTTP framing around `ingestReadings`. It stays out of
 * the /api OpenAPI document, which describes people's and services' API.
 */
export function createIngestRouter(
  deps: Pick<TelemetryDeps, 'deviceKeys' | 'readings' | 'ingestLimiter' | 'readingsStored' | 'now'>,
): OpenAPIHono<AppEnv> {
  const router = createRouter();
  const ingest = {
    readings: deps.readings,
    checkKey: deps.deviceKeys.check,
    limiter: deps.ingestLimiter,
    readingsStored: deps.readingsStored,
    now: deps.now,
  };
  router.post(
    '/ingest/v1/readings',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new AppError('PAYLOAD_TOO_LARGE', `Request body is too large (at most ${maxBodyBytes} bytes)`);
      },
    }),
    async (c) => {
      const answer = await ingestReadings(ingest, {
        authorization: c.req.header('Authorization'),
        body: await c.req.text(),
      });
      c.header('Cache-Control', 'no-store');
      if (answer.status === 200) return c.json(answer.body, 200);
      if (answer.retryAfterSeconds !== undefined) c.header('Retry-After', String(answer.retryAfterSeconds));
      return errorResponse(c, answer.error);
    },
  );
  return router;
}
