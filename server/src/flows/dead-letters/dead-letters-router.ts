import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireUser } from '../../platform/auth/authenticate.js';
import type { Database } from '../../platform/db/database.js';
import { type EventHandler, on, PermanentEventError } from '../../platform/events/consumer.js';
import { defineEvent } from '../../platform/events/event-definition.js';
import { enqueueEvent } from '../../platform/events/outbox.js';
import type { EventTransport } from '../../platform/events/transport.js';
import { type AppEnv, createRouter } from '../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../platform/http/errors.js';

/** The local profile's dead-letter drill (see `deadLetterDrillHandler`). */
export const deadLetterDrillEvent = defineEvent({
  type: 'DeadLetterDrill',
  version: 1,
  description:
    'Local profile only: an operator practises the redrive; it fails on its first delivery and succeeds once redriven.',
  payload: z.object({ note: z.string() }),
});

const deadLetterSchema = z
  .object({
    id: z.uuid().openapi({ description: "The event's id: what a redrive names" }),
    type: z.string().openapi({ example: 'OrderPlaced' }),
    key: z.string().openapi({ description: 'What the event is about (an order id)' }),
    payload: z.unknown().openapi({ description: 'The event as it was published' }),
    occurredAt: z.iso.datetime({ offset: true }),
    receiveCount: z.int().openapi({ description: 'Deliveries before it was dead-lettered' }),
    deadAt: z.iso.datetime({ offset: true }).nullable(),
    reason: z.string().nullable().openapi({ description: 'Why it failed, when the consumer said so' }),
  })
  .openapi('DeadLetter');

const deadLettersSchema = z.object({ items: z.array(deadLetterSchema) }).openapi('DeadLetters');

const redriveBodySchema = z
  .object({
    ids: z.array(z.uuid()).min(1).max(100).optional().openapi({ description: 'These dead letters' }),
    all: z.literal(true).optional().openapi({ description: 'Every dead letter' }),
  })
  .refine((body) => (body.ids === undefined) !== (body.all === undefined), {
    message: 'give either ids or all: true',
    path: ['ids'],
  })
  .openapi('RedriveDeadLetters');

const redriveResultSchema = z
  .object({ moved: z.int().openapi({ description: 'How many went back to the queue' }) })
  .openapi('RedriveResult');

export const listDeadLettersRoute = createRoute({
  operationId: 'listDeadLetters',
  method: 'get',
  path: '/staff/dead-letters',
  tags: ['Events'],
  summary: 'Events that kept failing and wait for an operator, newest first (staff)',
  security: [{ bearer: [] }],
  request: {
    query: z.object({
      limit: z.coerce
        .number({ error: 'must be a number' })
        .int('must be a whole number')
        .min(1, 'must be at least 1')
        .max(100, 'must be at most 100')
        .default(50),
    }),
  },
  responses: {
    200: { description: 'The dead letters', content: { 'application/json': { schema: deadLettersSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

export const redriveDeadLettersRoute = createRoute({
  operationId: 'redriveDeadLetters',
  method: 'post',
  path: '/staff/dead-letters/redrive',
  tags: ['Events'],
  summary: 'Send dead letters back to the queue, the given ones or all (staff)',
  description:
    'Consumers are idempotent, so a redriven event that had partly succeeded changes nothing twice. Audited.',
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { 'application/json': { schema: redriveBodySchema } } } },
  responses: {
    200: { description: 'Redriven', content: { 'application/json': { schema: redriveResultSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

export const deadLetterDrillRoute = createRoute({
  operationId: 'runDeadLetterDrill',
  method: 'post',
  path: '/staff/dead-letters/drill',
  tags: ['Events'],
  summary: 'Local profile only: publish an event that fails once, to practise the redrive (staff)',
  description:
    'The event is dead-lettered on its first delivery and succeeds once redriven. ' +
    '404 in every profile but local: deployed systems never carry drills.',
  security: [{ bearer: [] }],
  responses: {
    202: {
      description: 'Published; it lands in the dead letters within seconds',
      content: { 'application/json': { schema: z.object({ id: z.uuid() }).openapi('DeadLetterDrill') } },
    },
    ...errorResponses(401, 403, 404),
  },
});

export type DeadLettersResponse = z.infer<typeof deadLettersSchema>;
export type RedriveResponse = z.infer<typeof redriveResultSchema>;

export type DeadLettersDeps = {
  db: Database;
  transport: EventTransport;
  /** Writes the audit entry for a redrive (identity's audit log, wired by the composition root). */
  recordRedrive(entry: { actorId: string; ids: readonly string[] | 'all'; moved: number }): Promise<void>;
  /** The local profile's drill route answers; elsewhere it is 404. */
  drill: boolean;
};

/** The back office's dead-letter routes (mounted under /api, after `authenticate` and the staff role check). */
export function createDeadLettersRouter(deps: DeadLettersDeps): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.openapi(listDeadLettersRoute, async (c) => {
    const { limit } = c.req.valid('query');
    requireUser(c, 'staff', 'admin');
    const letters = await deps.transport.listDeadLetters({ limit });
    const body: DeadLettersResponse = {
      items: letters.map((letter) => ({
        id: letter.id,
        type: letter.envelope.type,
        key: letter.envelope.key,
        payload: letter.envelope.payload,
        occurredAt: letter.envelope.occurredAt,
        receiveCount: letter.receiveCount,
        deadAt: letter.deadAt,
        reason: letter.reason,
      })),
    };
    return c.json(body, 200);
  });

  router.openapi(redriveDeadLettersRoute, async (c) => {
    const input = c.req.valid('json');
    const me = requireUser(c, 'staff', 'admin');
    const moved = await deps.transport.redrive(input.ids);
    await deps.recordRedrive({ actorId: me.userId, ids: input.ids ?? 'all', moved });
    c.get('logger').info({ ids: input.ids ?? 'all', moved }, 'dead letters redriven');
    const body: RedriveResponse = { moved };
    return c.json(body, 200);
  });

  router.openapi(deadLetterDrillRoute, async (c) => {
    requireUser(c, 'staff', 'admin');
    if (!deps.drill) throw new AppError('NOT_FOUND', `No API route for ${c.req.method} ${c.req.path}`);
    const envelope = await enqueueEvent(deps.db, {
      event: deadLetterDrillEvent,
      key: `drill-${crypto.randomUUID()}`,
      payload: { note: 'fails on its first delivery; redrive it' },
    });
    return c.json({ id: envelope.id }, 202);
  });
  return router;
}

/**
 * The drill's consumer side (local profile only): the first delivery in this
 * process fails for good (a poisoned message), a redriven one succeeds (the
 * operator fixed the cause). One process only, as the local profile is.
 */
export function deadLetterDrillHandler(): EventHandler<typeof deadLetterDrillEvent> {
  const failedOnce = new Set<string>();
  return on(deadLetterDrillEvent, async (_drill, envelope) => {
    if (failedOnce.has(envelope.id)) return;
    failedOnce.add(envelope.id);
    throw new PermanentEventError('Drill: this event fails on its first delivery; redrive it to see it succeed');
  });
}
