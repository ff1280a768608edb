import { type EventHandler, on } from './consumer.js';
import type { Envelope } from './envelope.js';
import type { EventDefinition, PayloadOf } from './event-definition.js';

/**
 * One named step of a flow across modules: the event it reacts to and what it
 * does, idempotently (delivery is at least once). `undoneBy` names the step
 * that gives back what this one did, for when something after it says no (a
 * cancel, a verdict that came too late): compensation, as in Medusa's
 * `createStep(id, invoke, compensate)`, except that here it is itself a step
 * reacting to the event that says no, since the flow runs across messages.
 */
export type FlowStep<Deps, D extends EventDefinition = EventDefinition> = {
  readonly name: string;
  readonly on: D;
  readonly undoneBy?: FlowStep<Deps> | undefined;
  // A method, so a flow's list may hold steps of different events.
  run(payload: PayloadOf<D>, context: Deps & { envelope: Envelope }): Promise<void>;
};

/** The step maker of flows that need `Deps`: `const step = defineSteps<{ db: Database }>()`, then `step({ … })`. */
export function defineSteps<Deps>() {
  return <D extends EventDefinition>(step: FlowStep<Deps, D>): FlowStep<Deps, D> => step;
}

/** A flow: its steps in the order a successful run takes them. */
export type Flow<Deps> = { readonly name: string; readonly steps: readonly FlowStep<Deps>[] };

/**
 * The flow's handlers for the consumer: each step, then each compensation
 * (once, however many steps it undoes), bound to the flow's dependencies.
 * Where two react to one event they run in this order.
 */
export function flowHandlers<Deps>(flow: Flow<Deps>, deps: Deps): EventHandler[] {
  const compensations = flow.steps.flatMap((step) => (step.undoneBy ? [step.undoneBy] : []));
  const steps = [...new Set([...flow.steps, ...compensations])];
  return steps.map((step) => on(step.on, (payload, envelope) => step.run(payload, { ...deps, envelope })));
}
