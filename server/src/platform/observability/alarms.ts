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

/**
 * Why an alarm is in its state, as data: the console words it in the reader's language; `reasonText`
 * words it in English for the API's `reason` (as the error vocabulary has codes and English messages).
 * `judged`: the datapoints judged, `breaching` of them; `missing`: periods without data counted as the
 * alarm's `missingData` says; `kept`: `ignore` kept the previous state.
 */
export type AlarmCause =
  | { code: 'notEvaluated' }
  | { code: 'noData'; periods: number; kept: boolean }
  | { code: 'crossed' | 'notCrossed'; breaching: number; judged: number; missing: number }
  | { code: 'fewAllBreaching'; breaching: number; judged: number; kept: boolean };

export type Evaluation = { state: AlarmState; cause: AlarmCause; reason: string };

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
  const [state, cause] = judge(rule, periods, previous);
  return { state, cause, reason: reasonText(rule, cause) };
}

function judge(rule: Rule, periods: readonly PeriodValue[], previous: AlarmState): [AlarmState, AlarmCause] {
  const n = rule.evaluationPeriods;
  const m = rule.datapointsToAlarm;

  if (rule.missingData === 'breaching' || rule.missingData === 'notBreaching') {
    const recent = Array.from({ length: n }, (_, i) => periods[periods.length - n + i]);
    const missingBreaches = rule.missingData === 'breaching';
    const breaching = recent.filter((v) => (v === undefined ? missingBreaches : breaches(rule, v))).length;
    const missing = recent.filter((v) => v === undefined).length;
    return breaching >= m
      ? ['ALARM', { code: 'crossed', breaching, judged: n, missing }]
      : ['OK', { code: 'notCrossed', breaching, judged: n, missing }];
  }

  const present = periods.filter((v): v is number => v !== undefined).slice(-n);
  const keep = rule.missingData === 'ignore';
  if (present.length === 0) {
    return [keep ? previous : 'INSUFFICIENT_DATA', { code: 'noData', periods: periods.length, kept: keep }];
  }
  const breaching = present.filter((v) => breaches(rule, v)).length;
  const judged = present.length;
  if (breaching >= m) return ['ALARM', { code: 'crossed', breaching, judged, missing: 0 }];
  if (judged < m && breaching === judged) {
    return [keep ? previous : 'ALARM', { code: 'fewAllBreaching', breaching, judged, kept: keep }];
  }
  return ['OK', { code: 'notCrossed', breaching, judged, missing: 0 }];
}

/** The cause in English: the API's `reason`, for logs and API users. */
export function reasonText(
  rule: Pick<KuraAlarm, 'threshold' | 'comparison' | 'datapointsToAlarm' | 'missingData'>,
  cause: AlarmCause,
): string {
  const m = rule.datapointsToAlarm;
  const crossed = (breaching: number, judged: number) =>
    `${breaching} out of the last ${judged} datapoints ${breaching === 1 ? 'was' : 'were'} ${comparisonText[rule.comparison]} the threshold (${rule.threshold})`;
  switch (cause.code) {
    case 'notEvaluated':
      return 'Not evaluated yet';
    case 'noData':
      return `No datapoints in the last ${cause.periods} periods${cause.kept ? ': state kept (ignore)' : ''}`;
    case 'crossed':
    case 'notCrossed': {
      const treated = cause.missing > 0 ? ` (${cause.missing} missing, treated as ${rule.missingData})` : '';
      const judged = `${crossed(cause.breaching, cause.judged)}${treated}`;
      return cause.code === 'crossed'
        ? `Threshold crossed: ${judged}, at least ${m} needed`
        : `${judged}, fewer than ${m}`;
    }
    case 'fewAllBreaching': {
      const few = `${crossed(cause.breaching, cause.judged)}: fewer datapoints than the ${m} needed, all breaching`;
      return cause.kept ? `${few}: state kept (ignore)` : `Threshold crossed: ${few}`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The monitor: the evaluator on a timer, over this process's metric store

export type AlarmChange = { time: string; from: AlarmState; to: AlarmState; cause: AlarmCause; reason: string };

export type AlarmStatus = {
  id: AlarmId;
  definition: KuraAlarm;
  state: AlarmState;
  cause: AlarmCause;
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
    cause: { code: 'notEvaluated' },
    reason: reasonText(definition, { code: 'notEvaluated' }),
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
        status.history.unshift({
          time,
          from: status.state,
          to: result.state,
          cause: result.cause,
          reason: result.reason,
        });
        status.history.length = Math.min(status.history.length, historyLimit);
        status.since = time;
      }
      status.state = result.state;
      status.cause = result.cause;
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
