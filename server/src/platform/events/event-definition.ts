import type { z } from 'zod';

/**
 * One event a module announces: its name, the version of its payload's
 * shape, and the zod schema of that payload. The owning module defines it;
 * the producer's `enqueueEvent` and the consumers' `on` are both typed by it,
 * so a payload that does not fit is a compile error on either side.
 *
 * A payload change that old consumers could not read is a new version (a new
 * definition with the same type); the edge routes each message by type and
 * version, and dead-letters a version nobody handles.
 */
export type EventDefinition<
  Type extends string = string,
  Version extends number = number,
  Payload extends z.ZodType = z.ZodType,
> = {
  readonly type: Type;
  readonly version: Version;
  /** What happened, in a sentence (docs/events.md lists it). */
  readonly description: string;
  readonly payload: Payload;
};

export function defineEvent<const Type extends string, const Version extends number, Payload extends z.ZodType>(
  definition: EventDefinition<Type, Version, Payload>,
): EventDefinition<Type, Version, Payload> {
  return definition;
}

/** What a producer passes: the payload as its schema accepts it. */
export type PayloadIn<D extends EventDefinition> = z.input<D['payload']>;
/** What a handler receives: the payload its schema parsed. */
export type PayloadOf<D extends EventDefinition> = z.output<D['payload']>;

/** An event as it travels: type, version and the payload of that version. */
export type EventOf<D extends EventDefinition> =
  D extends EventDefinition<infer Type, infer Version, infer Payload>
    ? { readonly type: Type; readonly version: Version; readonly payload: z.output<Payload> }
    : never;

/** A module's events by name. */
export type EventCatalog = Readonly<Record<string, EventDefinition>>;

/** The union of a module's events: `EventsOf<typeof orderingEvents>`. */
export type EventsOf<Catalog extends EventCatalog> = EventOf<Catalog[keyof Catalog]>;
