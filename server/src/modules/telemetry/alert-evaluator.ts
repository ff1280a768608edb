import type { Reading } from './ports.js';

/**
 * The alert rules' state machine, pure: no clock of its own and no I/O, so
 * every transition is a table row in alert-evaluator.test.ts.
 *
 *   threshold rule:  ok → pending → raised → clearing → ok
 *     ok        a breaching reading starts the pending period (and raises at once when `forSeconds` is 0);
 *     pending   the breach lasted `forSeconds` by the readings' own instants → raised; a normal reading → ok;
 *     raised    a reading at or past the clear threshold starts the clearing period (hysteresis);
 *     clearing  still clear after `clearForSeconds` → ok (cleared); breaching again → raised (no second alert).
 *   silence rule:    ok → raised (no reading for `forSeconds` by the clock) → ok (any newer reading).
 *
 * Time is the readings' instants, never the order they arrive in: a reading
 * at or before the newest one already evaluated (a duplicate, or one that
 * arrives late) changes nothing, so redelivered or reordered messages cannot
 * raise twice or bring back a cleared alert.
 */

export const alertMetrics = ['temperature', 'humidity'] as const;
export type AlertMetric = (typeof alertMetrics)[number];
export const alertKinds = ['above', 'below', 'silence'] as const;
export type AlertKind = (typeof alertKinds)[number];
export const alertPhases = ['ok', 'pending', 'raised', 'clearing'] as const;
export type AlertPhase = (typeof alertPhases)[number];

export type ThresholdCondition = {
  kind: 'above' | 'below';
  metric: AlertMetric;
  threshold: number;
  /** Above: clears at or below it; below: at or above it. Equal to `threshold` means no hysteresis. */
  clearThreshold: number;
  forSeconds: number;
  clearForSeconds: number;
};
export type SilenceCondition = { kind: 'silence'; forSeconds: number };
export type AlertCondition = ThresholdCondition | SilenceCondition;

export type AlertState = {
  phase: AlertPhase;
  /** When the current pending or clearing period began; null in ok and raised. */
  since: Date | null;
  /** The newest reading instant evaluated: nothing at or before it is looked at again. */
  lastReadingAt: Date | null;
};

export type AlertTransition =
  | {
      kind: 'raised';
      at: Date;
      /** The reading that raised it; null for silence. */
      value: number | null;
      /** When the condition began to hold (the first breaching reading, or the last reading before the silence). */
      conditionSince: Date;
    }
  | { kind: 'cleared'; at: Date; value: number | null };

export type Evaluation = { state: AlertState; transitions: AlertTransition[] };

export const initialAlertState: AlertState = { phase: 'ok', since: null, lastReadingAt: null };

const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;

function breaches(condition: ThresholdCondition, value: number): boolean {
  return condition.kind === 'above' ? value > condition.threshold : value < condition.threshold;
}

function recovered(condition: ThresholdCondition, value: number): boolean {
  return condition.kind === 'above' ? value <= condition.clearThreshold : value >= condition.clearThreshold;
}

/** One reading through a threshold rule. */
function stepThreshold(condition: ThresholdCondition, state: AlertState, reading: Reading): Evaluation {
  const value = reading[condition.metric];
  const at = reading.ts;
  const base = { lastReadingAt: at };
  switch (state.phase) {
    case 'ok':
    case 'pending': {
      if (!breaches(condition, value)) return { state: { phase: 'ok', since: null, ...base }, transitions: [] };
      const since = state.phase === 'pending' && state.since ? state.since : at;
      if (seconds(since, at) >= condition.forSeconds) {
        return {
          state: { phase: 'raised', since: null, ...base },
          transitions: [{ kind: 'raised', at, value, conditionSince: since }],
        };
      }
      return { state: { phase: 'pending', since, ...base }, transitions: [] };
    }
    case 'raised':
    case 'clearing': {
      if (!recovered(condition, value)) return { state: { phase: 'raised', since: null, ...base }, transitions: [] };
      const since = state.phase === 'clearing' && state.since ? state.since : at;
      if (seconds(since, at) >= condition.clearForSeconds) {
        return { state: { phase: 'ok', since: null, ...base }, transitions: [{ kind: 'cleared', at, value }] };
      }
      return { state: { phase: 'clearing', since, ...base }, transitions: [] };
    }
  }
}

/**
 * Runs new readings through a rule. `readings` may hold duplicates, late
 * ones and any order: they are sorted, and those not newer than the state's
 * last reading are skipped.
 */
export function evaluateReadings(
  condition: AlertCondition,
  state: AlertState,
  readings: readonly Reading[],
): Evaluation {
  const fresh = [...readings]
    .sort((a, b) => a.ts.getTime() - b.ts.getTime())
    .filter((r, i, all) => i === 0 || r.ts.getTime() !== all[i - 1]?.ts.getTime())
    .filter((r) => state.lastReadingAt === null || r.ts > state.lastReadingAt);
  let current = state;
  const transitions: AlertTransition[] = [];
  for (const reading of fresh) {
    if (condition.kind === 'silence') {
      // A device that reports again is no longer silent, whatever it reports.
      if (current.phase === 'raised') transitions.push({ kind: 'cleared', at: reading.ts, value: null });
      current = { phase: 'ok', since: null, lastReadingAt: reading.ts };
      continue;
    }
    const step = stepThreshold(condition, current, reading);
    current = step.state;
    transitions.push(...step.transitions);
  }
  return { state: current, transitions };
}

/**
 * A silence rule at `now`: raised once nothing newer than the last reading
 * (or, before any, than `watchingSince`, when the rule started watching) came
 * for `forSeconds`. Threshold rules do not change with the clock alone.
 */
export function evaluateSilence(
  condition: AlertCondition,
  state: AlertState,
  params: { now: Date; watchingSince: Date },
): Evaluation {
  if (condition.kind !== 'silence' || state.phase !== 'ok') return { state, transitions: [] };
  const quietSince =
    state.lastReadingAt && state.lastReadingAt > params.watchingSince ? state.lastReadingAt : params.watchingSince;
  if (seconds(quietSince, params.now) < condition.forSeconds) return { state, transitions: [] };
  return {
    state: { ...state, phase: 'raised', since: null },
    transitions: [{ kind: 'raised', at: params.now, value: null, conditionSince: quietSince }],
  };
}
