import { type AlarmDefinition, type AlarmId, alarmCatalogue, type KuraAlarm } from './catalogue.js';
import type { MetricStore } from './metrics.js';

/**
 * The catalogue's alarms on Kura's own metrics, evaluated in this process as
 * CloudWatch evaluates them on AWS: one datapoint per period (the alarm's
 * statistic over it), M breaching datapoints out of the last N set ALARM, and a
 * period without data is treated as the alarm says (`missingData`). The
 * evaluation is a pure function (`evaluateAlarm`); the monitor runs it on a
 * timer against the in-process metric store and keeps each alarm's state and
 * a bounded history of its changes.
 */

export const alarmStates = ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const;
export type AlarmState = (typeof alarmStates)[number];

/** A period's datapoint, or undefined when the period has no data. */
export type PeriodValue = number | undefined;

export type Evaluation = { state: AlarmState; reason: string };

/**
 * How many periods an evaluation reads: the alarm's N, and as many again
 * before them. CloudWatch likewise reads a range longer than N, so that with
 * `missing` or `ignore` the most recent N datapoints that exist are judged.
 */
export const evaluationRange = (alarm: Pick<KuraAlarm, 'evaluationPeriods'>) => alarm.evaluationPeriods * 2;

type Rule = Pick<
  KuraAlarm,
  'threshold' | 'comparison' | 'evaluationPeriods' | 'datapointsToAlarm' | 'missingData' | 'statistic'
>;

export function breaches(rule: Pick<KuraAlarm, 'threshold' | 'comparison'>, value: number): boolean {
  switch (rule.comparison) {
    case 'GreaterThanThreshold':
      return value > rule.threshold;
    case 'GreaterThanOrEqualToThreshold':
      return value >= rule.threshold;
    case 'LessThanThreshold':
      return value < rule.threshold;
  }
}

const comparisonText = {
  GreaterThanThreshold: 'greater than',
  GreaterThanOrEqualToThreshold: 'greater than or equal to',
  LessThanThreshold: 'less than',
} as const;

/**
 * One evaluation. `periods` is the evaluation range, oldest first, the newest
 * period last (`evaluationRange(rule)` long; shorter is read as missing
 * before it). `previous` is the alarm's state now: `ignore` keeps it when the
 * data cannot decide.
 *
 * With `breaching` and `notBreaching` the last N periods are judged, a missing
 * one counting as breaching or not. With `missing` and `ignore` only datapoints
 * that exist count: the last N of them in the range; none at all gives
 * INSUFFICIENT_DATA (`missing`) or the previous state (`ignore`); fewer than M
 * that all breach gives ALARM (`missing`) or, again, the previous state (`ignore`).
 */
export function evaluateAlarm(rule: Rule, periods: readonly PeriodValue[], previous: AlarmState): Evaluation {
  const n = rule.evaluationPeriods;
  const m = rule.datapointsToAlarm;
  const crossed = (breaching: number, judged: number) =>
    `${breaching} out of the last ${judged} datapoints ${breaching === 1 ? 'was' : 'were'} ${comparisonText[rule.comparison]} the threshold (${rule.threshold})`;

  if (rule.missingData === 'breaching' || rule.missingData === 'notBreaching') {
    const recent = Array.from({ length: n }, (_, i) => periods[periods.length - n + i]);
    const missingBreaches = rule.missingData === 'breaching';
    const breaching = recent.filter((v) => (v === undefined ? missingBreaches : breaches(rule, v))).length;
    const missing = recent.filter((v) => v === undefined).length;
    const treated = missing > 0 ? ` (${missing} missing, treated as ${rule.missingData})` : '';
    return breaching >= m
      ? { state: 'ALARM', reason: `Threshold crossed: ${crossed(breaching, n)}${treated}, at least ${m} needed` }
      : { state: 'OK', reason: `${crossed(breaching, n)}${treated}, fewer than ${m}` };
  }

  const present = periods.filter((v): v is number => v !== undefined).slice(-n);
  const keep = rule.missingData === 'ignore';
  if (present.length === 0) {
    return keep
      ? { state: previous, reason: `No datapoints in the last ${periods.length} periods: state kept (ignore)` }
      : { state: 'INSUFFICIENT_DATA', reason: `No datapoints in the last ${periods.length} periods` };
  }
  const breaching = present.filter((v) => breaches(rule, v)).length;
  if (breaching >= m)
    return { state: 'ALARM', reason: `Threshold crossed: ${crossed(breaching, present.length)}, at least ${m} needed` };
  if (present.length < m && breaching === present.length) {
    const few = `${crossed(breaching, present.length)}: fewer datapoints than the ${m} needed, all breaching`;
    return keep
      ? { state: previous, reason: `${few}: state kept (ignore)` }
      : { state: 'ALARM', reason: `Threshold crossed: ${few}` };
  }
  return { state: 'OK', reason: `${crossed(breaching, present.length)}, fewer than ${m}` };
}

// ---------------------------------------------------------------------------------------------
// The monitor: the evaluator on a timer, over this process's metric store

export type AlarmChange = { time: string; from: AlarmState; to: AlarmState; reason: string };

export type AlarmStatus = {
  id: AlarmId;
  definition: KuraAlarm;
  state: AlarmState;
  reason: string;
  /** When the alarm entered its state. */
  since: string;
  /** When it was last evaluated; null before the first evaluation. */
  evaluatedAt: string | null;
  /** The datapoints of the last evaluation, oldest first (null: the period had none). */
  datapoints: { timestamp: string; value: number | null }[];
  /** Its state changes, newest first, at most `historyLimit`. */
  history: AlarmChange[];
};

export type AlarmMonitor = {
  /** Evaluates every alarm at `at` (default: the monitor's clock) and records the changes. */
  evaluate(at?: number): void;
  list(): AlarmStatus[];
  /** Evaluates now and every `everyMs`, until stopped. */
  start(everyMs: number): void;
  stop(): void;
};

const isKuraAlarm = (entry: [string, AlarmDefinition]): entry is [AlarmId, KuraAlarm] => entry[1].source === 'kura';

/** The catalogue's alarms a process can evaluate itself: those on Kura's own metrics. */
export const kuraAlarms = (): [AlarmId, KuraAlarm][] =>
  (Object.entries(alarmCatalogue) as [string, AlarmDefinition][]).filter(isKuraAlarm);

export function createAlarmMonitor(options: {
  store: Pick<MetricStore, 'query'>;
  alarms?: [AlarmId, KuraAlarm][];
  /** State changes kept per alarm. */
  historyLimit?: number;
  now?: () => number;
}): AlarmMonitor {
  // Read at each call, not captured: a test that moves the clock moves the monitor's too.
  const now = options.now ?? (() => Date.now());
  const historyLimit = options.historyLimit ?? 20;
  const started = new Date(now()).toISOString();
  const statuses: AlarmStatus[] = (options.alarms ?? kuraAlarms()).map(([id, definition]) => ({
    id,
    definition,
    // CloudWatch's state for an alarm that has not been evaluated yet.
    state: 'INSUFFICIENT_DATA',
    reason: 'Not evaluated yet',
    since: started,
    evaluatedAt: null,
    datapoints: [],
    history: [],
  }));
  let timer: ReturnType<typeof setInterval> | undefined;

  function evaluate(at = now()): void {
    const time = new Date(at).toISOString();
    for (const status of statuses) {
      const { definition } = status;
      const periodMs = definition.periodSeconds * 1000;
      // The newest period is the one in progress: a datapoint counts as soon as data arrives.
      const newest = Math.floor(at / periodMs) * periodMs;
      const range = evaluationRange(definition);
      const starts = Array.from({ length: range }, (_, i) => newest - (range - 1 - i) * periodMs);
      const found = new Map(
        options.store
          .query({
            metric: definition.metric,
            statistic: definition.statistic,
            periodSeconds: definition.periodSeconds,
            from: starts[0] ?? newest,
            to: newest + periodMs,
          })
          .map((d) => [Date.parse(d.timestamp), d.value]),
      );
      const periods = starts.map((start) => found.get(start));
      const result = evaluateAlarm(definition, periods, status.state);
      if (result.state !== status.state) {
        status.history.unshift({ time, from: status.state, to: result.state, reason: result.reason });
        status.history.length = Math.min(status.history.length, historyLimit);
        status.since = time;
      }
      status.state = result.state;
      status.reason = result.reason;
      status.evaluatedAt = time;
      status.datapoints = starts.map((start, i) => ({
        timestamp: new Date(start).toISOString(),
        value: periods[i] ?? null,
      }));
    }
  }

  return {
    evaluate,
    list: () => statuses.map((s) => ({ ...s, history: [...s.history], datapoints: [...s.datapoints] })),
    start(everyMs) {
      if (timer) return;
      evaluate();
      timer = setInterval(() => evaluate(), everyMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
