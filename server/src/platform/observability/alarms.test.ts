import { describe, expect, it } from 'vitest';
import { type AlarmState, createAlarmMonitor, evaluateAlarm, kuraAlarms, type PeriodValue } from './alarms.js';
import { alarmCatalogue, type KuraAlarm } from './catalogue.js';
import { MetricStore } from './metrics.js';

/** `0` a datapoint within the threshold, `X` one breaching it, `-` a period without data; oldest first. */
const periods = (pattern: string): PeriodValue[] =>
  pattern.split(' ').map((c) => (c === '-' ? undefined : c === 'X' ? 1 : 0));

const rule = (overrides: Partial<KuraAlarm>): KuraAlarm => ({
  source: 'kura',
  metric: 'EventsFailed',
  statistic: 'Sum',
  periodSeconds: 60,
  threshold: 0,
  comparison: 'GreaterThanThreshold',
  evaluationPeriods: 3,
  datapointsToAlarm: 3,
  missingData: 'missing',
  description: 'test',
  ...overrides,
});

describe('evaluateAlarm: 3 of 3, each missing-data treatment (CloudWatch’s table)', () => {
  // The previous state matters only where `ignore` keeps it: ALARM here, so keeping it shows.
  const previous: AlarmState = 'ALARM';
  const table: [string, Record<KuraAlarm['missingData'], AlarmState>][] = [
    ['0 - X - X', { missing: 'OK', ignore: 'OK', breaching: 'ALARM', notBreaching: 'OK' }],
    ['0 - - - -', { missing: 'OK', ignore: 'OK', breaching: 'ALARM', notBreaching: 'OK' }],
    ['- - - - -', { missing: 'INSUFFICIENT_DATA', ignore: previous, breaching: 'ALARM', notBreaching: 'OK' }],
    ['0 X X - X', { missing: 'ALARM', ignore: 'ALARM', breaching: 'ALARM', notBreaching: 'OK' }],
    ['- - X - -', { missing: 'ALARM', ignore: previous, breaching: 'ALARM', notBreaching: 'OK' }],
    ['X X X X X', { missing: 'ALARM', ignore: 'ALARM', breaching: 'ALARM', notBreaching: 'ALARM' }],
    ['X X X X 0', { missing: 'OK', ignore: 'OK', breaching: 'OK', notBreaching: 'OK' }],
  ];
  for (const [pattern, expected] of table) {
    for (const [missingData, state] of Object.entries(expected) as [KuraAlarm['missingData'], AlarmState][]) {
      it(`${pattern} with ${missingData} → ${state}`, () => {
        expect(evaluateAlarm(rule({ missingData }), periods(pattern), previous).state).toBe(state);
      });
    }
  }

  it('keeps OK as well as ALARM under ignore when nothing can decide', () => {
    expect(evaluateAlarm(rule({ missingData: 'ignore' }), periods('- - - - -'), 'OK').state).toBe('OK');
    expect(evaluateAlarm(rule({ missingData: 'ignore' }), [], 'INSUFFICIENT_DATA').state).toBe('INSUFFICIENT_DATA');
  });
});

describe('evaluateAlarm: M of N (datapoints to alarm)', () => {
  const twoOfThree = rule({ datapointsToAlarm: 2, missingData: 'notBreaching' });
  const table: [string, AlarmState][] = [
    ['0 0 0 X 0 X', 'ALARM'],
    ['0 0 0 X X 0', 'ALARM'],
    ['X X X X 0 0', 'OK'],
    ['0 0 0 - X -', 'OK'],
    ['0 0 0 X - X', 'ALARM'],
  ];
  for (const [pattern, state] of table) {
    it(`2 of 3, notBreaching: ${pattern} → ${state}`, () => {
      expect(evaluateAlarm(twoOfThree, periods(pattern), 'OK').state).toBe(state);
    });
  }

  it('says in the reason how many datapoints breached, of how many, against which threshold', () => {
    const { cause, reason } = evaluateAlarm(twoOfThree, periods('0 0 0 X - X'), 'OK');
    expect(cause).toEqual({ code: 'crossed', breaching: 2, judged: 3, missing: 1 });
    expect(reason).toBe(
      'Threshold crossed: 2 out of the last 3 datapoints were greater than the threshold (0) (1 missing, treated as notBreaching), at least 2 needed',
    );
  });
});

describe('evaluateAlarm: the cause, as data the console words in its language', () => {
  it.each([
    ['missing', '- - - - - -', 'INSUFFICIENT_DATA', { code: 'noData', periods: 6, kept: false }],
    ['ignore', '- - - - - -', 'OK', { code: 'noData', periods: 6, kept: true }],
    ['missing', '- - - - X -', 'ALARM', { code: 'fewAllBreaching', breaching: 1, judged: 1, kept: false }],
    ['ignore', '- - - - X -', 'OK', { code: 'fewAllBreaching', breaching: 1, judged: 1, kept: true }],
    ['missing', '- - X 0 X X', 'ALARM', { code: 'crossed', breaching: 2, judged: 3, missing: 0 }],
    ['breaching', '0 0 0 0 - 0', 'OK', { code: 'notCrossed', breaching: 1, judged: 3, missing: 1 }],
  ] as const)('%s: %s → %s', (missingData, pattern, state, cause) => {
    const result = evaluateAlarm(rule({ missingData, datapointsToAlarm: 2 }), periods(pattern), 'OK');
    expect(result.state).toBe(state);
    expect(result.cause).toEqual(cause);
  });
});

describe('evaluateAlarm: comparisons', () => {
  const one = { evaluationPeriods: 1, datapointsToAlarm: 1, threshold: 5 };
  it.each([
    ['GreaterThanThreshold', 5, 'OK'],
    ['GreaterThanThreshold', 5.1, 'ALARM'],
    ['GreaterThanOrEqualToThreshold', 5, 'ALARM'],
    ['GreaterThanOrEqualToThreshold', 4.9, 'OK'],
    ['LessThanThreshold', 4.9, 'ALARM'],
    ['LessThanThreshold', 5, 'OK'],
  ] as const)('%s %d → %s', (comparison, value, state) => {
    expect(evaluateAlarm(rule({ ...one, comparison }), [value], 'OK').state).toBe(state);
  });
});

describe('the alarm monitor, on a controlled clock', () => {
  const minute = 60_000;
  const t0 = Date.parse('2026-12-03T10:00:00Z');

  it('evaluates the catalogue’s own alarms, starting as CloudWatch does in INSUFFICIENT_DATA', () => {
    const monitor = createAlarmMonitor({ store: new MetricStore(), now: () => t0 });
    const ids = monitor.list().map((s) => s.id);
    expect(ids).toEqual(kuraAlarms().map(([id]) => id));
    expect(ids).toContain('ConsumerFailing');
    expect(ids).not.toContain('Http5xxRate');
    expect(monitor.list().every((s) => s.state === 'INSUFFICIENT_DATA' && s.evaluatedAt === null)).toBe(true);
    monitor.evaluate();
    // Every one of them treats missing data as not breaching: no data is OK.
    expect(monitor.list().map((s) => s.state)).toEqual(ids.map(() => 'OK'));
  });

  it('goes to ALARM when 2 of the last 3 minutes breach, and back to OK as breaching minutes age out', () => {
    const store = new MetricStore();
    const definition = alarmCatalogue.ConsumerFailing;
    const monitor = createAlarmMonitor({ store, alarms: [['ConsumerFailing', definition]] });
    const failures = (at: number, n: number) => {
      for (let i = 0; i < n; i++) store.record('EventsFailed', 1, 'OrderPlaced', at);
    };
    const state = () => monitor.list()[0]?.state;

    monitor.evaluate(t0 + 10_000);
    expect(state()).toBe('OK');
    failures(t0 + 20_000, 3);
    monitor.evaluate(t0 + 30_000);
    expect(state()).toBe('OK'); // one breaching minute of the two needed
    failures(t0 + minute + 5_000, 2);
    monitor.evaluate(t0 + minute + 10_000);
    expect(state()).toBe('OK'); // 2 failures are not more than 2
    failures(t0 + minute + 15_000, 1);
    monitor.evaluate(t0 + minute + 20_000);
    expect(state()).toBe('ALARM');
    const status = monitor.list()[0];
    expect(status?.datapoints.slice(-3)).toEqual([
      { timestamp: new Date(t0 - minute).toISOString(), value: null },
      { timestamp: new Date(t0).toISOString(), value: 3 },
      { timestamp: new Date(t0 + minute).toISOString(), value: 3 },
    ]);
    expect(status?.reason).toMatch(/^Threshold crossed: 2 out of the last 3 datapoints/);

    monitor.evaluate(t0 + 2 * minute + 1);
    expect(state()).toBe('ALARM'); // minutes 0 and 1 are still among the last three
    monitor.evaluate(t0 + 3 * minute + 1);
    expect(state()).toBe('OK'); // minute 0 left the window: one breaching minute remains

    const history = monitor.list()[0]?.history ?? [];
    expect(history.map((h) => `${h.from}→${h.to}@${h.time}`)).toEqual([
      `ALARM→OK@${new Date(t0 + 3 * minute + 1).toISOString()}`,
      `OK→ALARM@${new Date(t0 + minute + 20_000).toISOString()}`,
      `INSUFFICIENT_DATA→OK@${new Date(t0 + 10_000).toISOString()}`,
    ]);
    expect(monitor.list()[0]?.since).toBe(new Date(t0 + 3 * minute + 1).toISOString());
  });

  it('judges a statistic over the whole period (p99 over 5 minutes), and treats missing data as the alarm says', () => {
    const store = new MetricStore();
    const slow = { ...alarmCatalogue.OrderSettleSlow, evaluationPeriods: 1, datapointsToAlarm: 1 } as const;
    const monitor = createAlarmMonitor({
      store,
      alarms: [
        ['OrderSettleSlow', slow],
        ['QueueAgeHigh', { ...alarmCatalogue.QueueAgeHigh, missingData: 'missing' }],
      ],
    });
    // 100 settles across the 5-minute period: 98 fast, 2 slow (p99 is the 99th value: slow).
    for (let i = 0; i < 100; i++) store.record('OrderSettleLatency', i < 98 ? 200 : 40_000, undefined, t0 + i * 2_900);
    monitor.evaluate(t0 + 4 * minute + 59_000);
    const [settle, queueAge] = monitor.list();
    expect(settle?.state).toBe('ALARM');
    expect(settle?.datapoints.at(-1)).toEqual({ timestamp: new Date(t0).toISOString(), value: 40_000 });
    expect(queueAge?.state).toBe('INSUFFICIENT_DATA');
    expect(queueAge?.reason).toBe('No datapoints in the last 6 periods');
  });

  it('keeps a bounded history, newest first', () => {
    const store = new MetricStore();
    const monitor = createAlarmMonitor({
      store,
      alarms: [['EventsDeadLettered', alarmCatalogue.EventsDeadLettered]],
      historyLimit: 3,
    });
    for (let i = 0; i < 10; i++) {
      const at = t0 + i * minute;
      if (i % 2 === 0) store.record('DeadLetters', 1, undefined, at);
      monitor.evaluate(at + 1);
    }
    const history = monitor.list()[0]?.history ?? [];
    expect(history).toHaveLength(3);
    expect(history.map((h) => h.to)).toEqual(['OK', 'ALARM', 'OK']);
    expect(history[0]?.time).toBe(new Date(t0 + 9 * minute + 1).toISOString());
  });

  it('runs on a timer once started, and stops', () => {
    let evaluations = 0;
    const store = {
      query: () => {
        evaluations++;
        return [];
      },
    };
    const monitor = createAlarmMonitor({ store, alarms: [['Api5xx', alarmCatalogue.Api5xx]] });
    monitor.start(3_600_000);
    monitor.start(3_600_000);
    expect(evaluations).toBe(1);
    monitor.stop();
  });
});
