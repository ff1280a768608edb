import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { alertTasks } from '../src/flows/alert-tasks.js';
import { deadLetterDrillEvent } from '../src/flows/dead-letters/dead-letters-router.js';
import { orderFulfilment } from '../src/flows/order-fulfilment.js';
import { inventoryEvents } from '../src/modules/inventory/public.js';
import { orderingEvents } from '../src/modules/ordering/public.js';
import { telemetryEvents } from '../src/modules/telemetry/public.js';
import { repoRoot } from '../src/platform/config/config.js';
import type { EventCatalog, EventDefinition } from '../src/platform/events/event-definition.js';
import type { Flow } from '../src/platform/events/flow.js';
import { ScheduledJobDue } from '../src/platform/scheduling/job-message.js';

/** The event document; generated, never edited by hand. */
export const eventsDocPath = join(repoRoot, 'docs/events.md');

/** Every module's events, where their definitions live. A module with events adds itself here. */
const owners: readonly { owner: string; file: string; events: EventCatalog }[] = [
  { owner: 'ordering', file: 'server/src/modules/ordering/events.ts', events: orderingEvents },
  { owner: 'inventory', file: 'server/src/modules/inventory/events.ts', events: inventoryEvents },
  { owner: 'telemetry', file: 'server/src/modules/telemetry/events.ts', events: telemetryEvents },
  {
    owner: 'dead letters (local profile)',
    file: 'server/src/flows/dead-letters/dead-letters-router.ts',
    events: { DeadLetterDrill: deadLetterDrillEvent },
  },
  {
    owner: 'scheduling (EventBridge Scheduler on AWS)',
    file: 'server/src/platform/scheduling/job-message.ts',
    events: { ScheduledJobDue },
  },
];

/** The flows whose steps consume events; `extraConsumers` are handlers outside any flow. */
const flows: readonly Flow<never>[] = [orderFulfilment, alertTasks];
const extraConsumers: readonly { event: EventDefinition; by: string }[] = [
  { event: deadLetterDrillEvent, by: 'the drill handler (fails once, then succeeds once redriven)' },
  { event: ScheduledJobDue, by: 'the worker: runs the job under its lease (ADR 0016)' },
];

type JsonSchema = z.core.JSONSchema.JSONSchema;

/** One row per field, nested fields as `lines[].sku`. */
function fieldRows(schema: JsonSchema, prefix = ''): string[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, field]) => {
    if (typeof field === 'boolean') return [];
    const path = `${prefix}${name}`;
    const row = `| \`${path}\` | ${describeField(field)} | ${required.has(name) ? 'yes' : 'no'} |`;
    const items = itemsOf(field);
    if (field.type === 'object') return [row, ...fieldRows(field, `${path}.`)];
    if (items?.type === 'object') return [row, ...fieldRows(items, `${path}[].`)];
    return [row];
  });
}

function itemsOf(field: JsonSchema): JsonSchema | undefined {
  return field.type === 'array' && typeof field.items === 'object' && !Array.isArray(field.items)
    ? field.items
    : undefined;
}

function describeField(field: JsonSchema): string {
  const limits = [
    field.format,
    field.minimum !== undefined && field.minimum > Number.MIN_SAFE_INTEGER ? `≥ ${field.minimum}` : undefined,
    field.minLength !== undefined ? `length ≥ ${field.minLength}` : undefined,
    field.minItems !== undefined ? `at least ${field.minItems}` : undefined,
  ].filter(Boolean);
  const type = field.type === 'array' ? `array of ${itemsOf(field)?.type ?? 'any'}` : (field.type ?? 'any');
  return limits.length > 0 ? `${type} (${limits.join(', ')})` : String(type);
}

/** Who reacts to each event: `flow › step`, and the compensations marked as such. */
function consumersByEvent(): Map<EventDefinition, string[]> {
  const documented = new Set(owners.flatMap((owner) => Object.values(owner.events)));
  const byEvent = new Map<EventDefinition, string[]>();
  const add = (event: EventDefinition, by: string) => {
    if (!documented.has(event)) throw new Error(`${by} handles ${event.type} v${event.version}, which no owner lists`);
    byEvent.set(event, [...(byEvent.get(event) ?? []), by]);
  };
  for (const flow of flows) {
    flow.steps.forEach((step, index) => {
      const undo = step.undoneBy ? `; undone by “${step.undoneBy.name}”` : '';
      add(step.on, `${flow.name} › ${index + 1}. ${step.name}${undo}`);
    });
    for (const step of flow.steps) {
      if (step.undoneBy) add(step.undoneBy.on, `${flow.name} › ${step.undoneBy.name} (undoes “${step.name}”)`);
    }
  }
  for (const consumer of extraConsumers) add(consumer.event, consumer.by);
  return byEvent;
}

export function renderEventsDoc(): string {
  const consumers = consumersByEvent();
  const lines = [
    '<!-- Generated from the zod schemas by `npm run events-doc`. Do not edit: a test fails when this is stale. -->',
    '',
    '# Events',
    '',
    'Every event travels in an envelope: `id` (a uuid: the message id, and the consumers’ idempotency key),',
    '`type`, `version`, `key` (what it is about; events of one key are published in the order they were',
    'written), `payload`, `occurredAt` and the W3C trace context (`traceparent`, `tracestate`). Events are',
    'written to the outbox in the transaction that makes the change they announce and delivered at least',
    'once (ADR 0008). The consumer parses a payload once, by the schema of its type and version; a payload',
    'that does not match, or a type or version no handler takes, goes to the dead letters with the reason',
    '(ADR 0018).',
    '',
    '| Event | Version | Owner | Consumed by |',
    '| --- | --- | --- | --- |',
    ...owners.flatMap((owner) =>
      Object.values(owner.events).map(
        (event) =>
          `| [${event.type}](#${anchor(event)}) | ${event.version} | ${owner.owner} | ${(consumers.get(event) ?? ['nobody yet']).join('<br>')} |`,
      ),
    ),
  ];
  for (const owner of owners) {
    lines.push('', `## ${owner.owner}`, '', `Defined in \`${owner.file}\`.`);
    for (const event of Object.values(owner.events)) {
      const schema = z.toJSONSchema(event.payload, { io: 'input', unrepresentable: 'any' });
      lines.push(
        '',
        `### ${event.type} v${event.version}`,
        '',
        event.description,
        '',
        '| Field | Type | Required |',
        '| --- | --- | --- |',
        ...fieldRows(schema),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function anchor(event: EventDefinition): string {
  return `${event.type}-v${event.version}`.toLowerCase();
}

export async function readCommittedEventsDoc(): Promise<string | undefined> {
  return readFile(eventsDocPath, 'utf8').catch(() => undefined);
}
