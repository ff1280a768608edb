/**
 * How often each scheduled job runs, by its name: the one list. The worker's timers run the jobs at
 * these intervals (flows/scheduled-jobs.ts) and the EventBridge Scheduler schedules say "due" at the
 * same rate on AWS (infra/lib/constructs/job-schedules.ts reads this file directly, so it imports
 * nothing: CDK loads it without the server's dependencies). ADR 0016.
 */
export const jobEverySeconds = {
  'expire-unconfirmed-orders': 60,
  'prune-idempotency-keys': 3600,
  'prune-published-events': 3600,
  'prune-telemetry-readings': 3600,
  'raise-silent-alerts': 60,
} as const satisfies Record<string, number>;

export type ScheduledJobName = keyof typeof jobEverySeconds;
