/**
 * How alert events travel on AWS (issue 14): published on the telemetry event bus with this `source`
 * and their type as `detail-type`; the bus's rule (infra/lib/constructs/telemetry.ts reads this file
 * directly, so it imports nothing) matches exactly these and delivers each `detail` — the event
 * envelope — to the worker's queue, where the consumer makes and completes the staff tasks.
 */
export const alertBus = { source: 'kura.telemetry', detailTypes: ['AlertRaised', 'AlertCleared'] } as const;
