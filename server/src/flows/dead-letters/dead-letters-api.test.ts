import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { asUser } from '../../../test/shop-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createApp } from '../../app.js';
import { auditLog } from '../../modules/identity/schema.js';
import { createConsumer, on, PermanentEventError } from '../../platform/events/consumer.js';
import { createEnvelope } from '../../platform/events/envelope.js';
import { defineEvent } from '../../platform/events/event-definition.js';
import { createOutboxRelay } from '../../platform/events/outbox.js';
import { createPostgresTransport } from '../../platform/events/postgres-transport.js';
import type { ErrorBody } from '../../platform/http/errors.js';
import { createLogger } from '../../platform/observability/logger.js';
import type { DeadLettersResponse, RedriveResponse } from './dead-letters-router.js';

/**
 * The staff dead-letter API over the local transport (the PostgreSQL queue
 * table the test app's configuration names); the SQS adapter's listing and
 * redrive are proven by the transport contract on fauxqs.
 */
/** An event of some future module whose consumer fails. */
const invoiceRequested = defineEvent({
  type: 'InvoiceRequested',
  version: 1,
  description: 'Test only.',
  payload: z.object({ invoice: z.int() }),
});
const logger = createLogger({ level: 'silent', service: 'kura-test' });
let t: TestApp;
const transport = () =>
  createPostgresTransport({ db: t.database.db, queue: 'events', maxReceiveCount: 5, pollIntervalMs: 10 });

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** Publishes `count` events whose handler refuses them for good, and lets the consumer dead-letter them. */
async function poison(count: number, handle: (id: string) => Promise<void>) {
  const envelopes = Array.from({ length: count }, (_, n) =>
    createEnvelope({ event: invoiceRequested, key: `invoice-${n}`, payload: { invoice: n } }),
  );
  await transport().publish(envelopes);
  const consumer = createConsumer({
    transport: transport(),
    handlers: [on(invoiceRequested, (_invoice, envelope) => handle(envelope.id))],
    logger,
    waitSeconds: 0,
  });
  for (let round = 0; round < 5 && (await consumer.runOnce()) > 0; round++);
  return envelopes;
}

describe('GET /api/staff/dead-letters and POST /api/staff/dead-letters/redrive', () => {
  it('lists dead letters with their reason and payload; a redrive of one sends it back, audited', async () => {
    const staff = asUser(t, (await t.signIn({ role: 'staff' })).headers);
    const sent = await poison(2, async () => {
      throw new PermanentEventError('invoice template missing');
    });
    const list = await staff.json<DeadLettersResponse>('GET', '/api/staff/dead-letters');
    expect(list.status).toBe(200);
    const ours = list.body.items.filter((d) => sent.some((e) => e.id === d.id));
    expect(ours).toHaveLength(2);
    expect(ours[0]).toMatchObject({
      type: 'InvoiceRequested',
      reason: 'invoice template missing',
      receiveCount: 1,
    });
    expect(ours.map((d) => d.payload)).toEqual(expect.arrayContaining([{ invoice: 0 }, { invoice: 1 }]));
    expect(Date.parse(ours[0]?.deadAt ?? '')).not.toBeNaN();

    const [first, second] = sent;
    const redriven = await staff.json<RedriveResponse>('POST', '/api/staff/dead-letters/redrive', {
      ids: [first?.id],
    });
    expect(redriven).toEqual({ status: 200, body: { moved: 1 } });
    const after = await staff.json<DeadLettersResponse>('GET', '/api/staff/dead-letters');
    expect(after.body.items.map((d) => d.id)).toEqual(expect.arrayContaining([second?.id]));
    expect(after.body.items.map((d) => d.id)).not.toContain(first?.id);
    // Back in the queue: the next receive gets it.
    const [back] = await transport().receive({ max: 10, waitSeconds: 0, visibilitySeconds: 30 });
    expect(back?.envelope.id).toBe(first?.id);
    if (back) await transport().ack(back);

    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'dead_letters.redriven'));
    expect(audit.at(-1)).toMatchObject({ subjectType: 'dead_letter', subjectId: first?.id, after: { moved: 1 } });
  });

  it('redrives all of them with { all: true }; then the consumer, its cause fixed, settles them', async () => {
    const admin = asUser(t, (await t.signIn({ role: 'admin' })).headers);
    let fixed = false;
    const sent = await poison(3, async () => {
      if (!fixed) throw new PermanentEventError('tax table not loaded');
    });
    const before = (await admin.json<DeadLettersResponse>('GET', '/api/staff/dead-letters')).body.items.length;
    expect(before).toBeGreaterThanOrEqual(3);
    fixed = true;
    const redriven = await admin.json<RedriveResponse>('POST', '/api/staff/dead-letters/redrive', { all: true });
    expect(redriven.body.moved).toBe(before);
    const consumer = createConsumer({
      transport: transport(),
      handlers: [on(invoiceRequested, async () => {})],
      logger,
      waitSeconds: 0,
    });
    let handled = 0;
    for (let round = 0; round < 5; round++) handled += await consumer.runOnce();
    expect(handled).toBe(before);
    expect((await admin.json<DeadLettersResponse>('GET', '/api/staff/dead-letters')).body.items).toEqual([]);
    expect(sent).toHaveLength(3);
  });

  it('answers bad input with 400 and the stable code', async () => {
    const staff = asUser(t, (await t.signIn({ role: 'staff' })).headers);
    for (const body of [
      {},
      { ids: [] },
      { ids: ['not-a-uuid'] },
      { all: false },
      { all: true, ids: [crypto.randomUUID()] },
    ]) {
      const response = await staff.json<ErrorBody>('POST', '/api/staff/dead-letters/redrive', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await staff.json<ErrorBody>('GET', '/api/staff/dead-letters?limit=0')).status).toBe(400);
  });

  it('refuses customers (403) and callers without a token (401)', async () => {
    const customer = asUser(t, (await t.signIn()).headers);
    expect((await customer.json<ErrorBody>('GET', '/api/staff/dead-letters')).status).toBe(403);
    const refused = await customer.json<ErrorBody>('POST', '/api/staff/dead-letters/redrive', { all: true });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await t.app.request('/api/staff/dead-letters')).status).toBe(401);
  });
});

describe('POST /api/staff/dead-letters/drill (the local profile only)', () => {
  it('publishes an event for the drill locally', async () => {
    const staff = asUser(t, (await t.signIn({ role: 'staff' })).headers);
    const drill = await staff.json<{ id: string }>('POST', '/api/staff/dead-letters/drill');
    expect(drill.status).toBe(202);
    // It waits in the outbox until the relay publishes it.
    const relay = createOutboxRelay({ db: t.database.db, transport: transport(), logger });
    expect(await relay.runOnce()).toBeGreaterThanOrEqual(1);
    const [delivery] = await transport().receive({ max: 10, waitSeconds: 0, visibilitySeconds: 30 });
    expect(delivery?.envelope).toMatchObject({ id: drill.body.id, type: 'DeadLetterDrill' });
    if (delivery) await transport().ack(delivery);
  });

  it.each(['dev', 'stg', 'prd'] as const)('is 404 in the %s profile, even for an admin', async (profile) => {
    const app = createApp({
      config: { ...t.config, profile },
      database: t.database,
      storage: t.storage,
      logger,
      tracing: t.tracing,
      verifyAccessToken: t.verifyAccessToken,
      events: { transport: transport(), wake: () => {} },
    });
    const admin = await t.signIn({ role: 'admin' });
    const response = await app.request('/api/staff/dead-letters/drill', { method: 'POST', headers: admin.headers });
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).error.code).toBe('NOT_FOUND');
  });
});
