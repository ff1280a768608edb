import { z } from '@hono/zod-openapi';
import { AppError } from '../../platform/http/errors.js';
import type { RateLimiter } from '../../platform/http/rate-limiter.js';
import { metrics } from '../../platform/observability/metrics.js';
import type { DeviceKeyCheck } from './device-keys.js';
import type { Reading, ReadingsStore, ReadingsStoredNotifier } from './ports.js';

/**
 * The device contract, POST /ingest/v1/readings, as a function of its ports,
 * a clock and the request: the HTTP framing around it (routes/ingest-route.ts
 * here, an API Gateway event in a Lambda) only moves headers and bodies.
 */

export const maxReadingsPerRequest = 500;
/** Readings older than this are refused: the store would already have pruned them. */
export const readingRetentionDays = 400;
/** A device's clock may run this far ahead of ours. */
export const maxClockAheadMs = 5 * 60_000;
/** Plausible for a storehouse sensor (common sensors read −40…85 °C); anything else is a fault. */
export const temperatureRange = { min: -40, max: 85 } as const;

export type IngestDeps = {
  readings: ReadingsStore;
  checkKey(params: { secret: string; now: Date }): Promise<DeviceKeyCheck>;
  /** Requests per device. */
  limiter: RateLimiter;
  /** Told after the readings committed, so their alert rules are evaluated. */
  readingsStored: ReadingsStoredNotifier;
  now: () => Date;
};

export type IngestRequest = { authorization: string | undefined; body: string };

export type RejectedReading = { index: number; code: RejectionCode; message: string };
export type RejectionCode = 'invalid_reading' | 'out_of_range' | 'ts_in_future' | 'ts_too_old';
export type IngestResult = { accepted: number; duplicates: number; rejected: RejectedReading[] };

export type IngestAnswer =
  | { status: 200; body: IngestResult }
  | { status: 'error'; error: AppError; retryAfterSeconds?: number };

const batchSchema = z.object({ readings: z.array(z.unknown()).min(1, 'must hold at least one reading') });

const readingSchema = z.strictObject({
  ts: z.iso.datetime({ offset: true, error: 'must be an ISO-8601 instant with Z or an offset' }),
  temperature: z
    .number({ error: 'must be a number (°C)' })
    .min(temperatureRange.min, `must be at least ${temperatureRange.min} °C`)
    .max(temperatureRange.max, `must be at most ${temperatureRange.max} °C`),
  humidity: z
    .number({ error: 'must be a number (%RH)' })
    .min(0, 'must be at least 0 %RH')
    .max(100, 'must be at most 100 %RH'),
  status: z
    .string({ error: 'must be a string' })
    .regex(/^[a-z][a-z0-9_]{0,31}$/, 'must be a lowercase word such as ok, warn or error'),
});

const bearer = /^Bearer ([A-Za-z0-9_-]{1,200})$/;
const failure = (error: AppError, retryAfterSeconds?: number): IngestAnswer => ({
  status: 'error',
  error,
  ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
});

export async function ingestReadings(deps: IngestDeps, request: IngestRequest): Promise<IngestAnswer> {
  const now = deps.now();
  // Who first: nothing about the body is answered to a caller without a key.
  const secret = request.authorization?.match(bearer)?.[1];
  const key = secret ? await deps.checkKey({ secret, now }) : ({ kind: 'unknown' } as const);
  if (key.kind === 'unknown') return failure(new AppError('UNAUTHENTICATED', 'A valid device key is required'));
  if (key.kind === 'disabled') return failure(new AppError('DEVICE_DISABLED', 'This device is disabled'));

  const decision = deps.limiter.hit(key.deviceId);
  if (!decision.allowed) {
    const wait = decision.retryAfterSeconds;
    return failure(
      new AppError('RATE_LIMITED', `Too many requests from this device; try again in ${wait} seconds`),
      wait,
    );
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body);
  } catch {
    return failure(new AppError('MALFORMED_REQUEST', 'The body is not JSON'));
  }
  const batch = batchSchema.safeParse(parsed);
  if (!batch.success) {
    const issue = batch.error.issues[0];
    const path = issue?.path.map(String).join('.') || '(root)';
    return failure(
      new AppError('VALIDATION_FAILED', `Invalid ${path}: ${issue?.message ?? 'invalid'}`, [
        { path, message: issue?.message ?? 'invalid', ...(issue?.code ? { code: issue.code } : {}) },
      ]),
    );
  }
  const raw = batch.data.readings;
  if (raw.length > maxReadingsPerRequest) {
    return failure(
      new AppError(
        'PAYLOAD_TOO_LARGE',
        `At most ${maxReadingsPerRequest} readings per request (got ${raw.length}); send the rest in another`,
      ),
    );
  }

  // Each reading stands alone: a bad one is reported by its index and the rest are stored.
  const oldest = now.getTime() - readingRetentionDays * 86_400_000;
  const newest = now.getTime() + maxClockAheadMs;
  const rejected: RejectedReading[] = [];
  const valid: Reading[] = [];
  raw.forEach((candidate, index) => {
    const result = readingSchema.safeParse(candidate);
    if (!result.success) {
      const issue = result.error.issues[0];
      const field = issue?.path.map(String).join('.') || 'reading';
      const outOfRange = issue?.code === 'too_small' || issue?.code === 'too_big';
      rejected.push({
        index,
        code: outOfRange ? 'out_of_range' : 'invalid_reading',
        message: `${field}: ${issue?.message ?? 'invalid'}`,
      });
      return;
    }
    const ts = new Date(result.data.ts);
    if (ts.getTime() > newest) {
      rejected.push({ index, code: 'ts_in_future', message: 'ts: more than 5 minutes ahead of the server’s clock' });
    } else if (ts.getTime() < oldest) {
      rejected.push({ index, code: 'ts_too_old', message: `ts: older than the ${readingRetentionDays}-day retention` });
    } else {
      valid.push({ ...result.data, ts });
    }
  });
  const stored = await deps.readings.append({ deviceId: key.deviceId, readings: valid });
  metrics.count('ReadingsAccepted', stored.accepted);
  metrics.count('ReadingsRejected', rejected.length);
  if (stored.accepted > 0) {
    const instants = valid.map((r) => r.ts.getTime());
    await deps.readingsStored({
      deviceId: key.deviceId,
      from: new Date(Math.min(...instants)),
      to: new Date(Math.max(...instants)),
    });
  }
  return { status: 200, body: { ...stored, rejected } };
}
