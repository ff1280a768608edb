import { describe, expect, it } from 'vitest';
import {
  type AlertCondition,
  type AlertPhase,
  type AlertState,
  evaluateReadings,
  evaluateSilence,
  initialAlertState,
} from './alert-evaluator.js';
import type { Reading } from './ports.js';

/** Minute `m` after a fixed start: the controlled clock (and the readings' instants). */
const start = Date.parse('2026-12-03T00:00:00Z');
const at = (m: number) => new Date(start + m * 60_000);
const reading = (m: number, temperature: number, humidity = 60): Reading => ({
  ts: at(m),
  temperature,
  humidity,
  status: 'ok',
});

/** "Warmer than 8 °C for 10 minutes", clears at or below 7 °C held for 2 minutes. */
const warm: AlertCondition = {
  kind: 'above',
  metric: 'temperature',
  threshold: 8,
  clearThreshold: 7,
  forSeconds: 600,
  clearForSeconds: 120,
};
/** "Drier than 40 %RH for 5 minutes", clears at or above 45 %RH at once. */
const dry: AlertCondition = {
  kind: 'below',
  metric: 'humidity',
  threshold: 40,
  clearThreshold: 45,
  forSeconds: 300,
  clearForSeconds: 0,
};

type Step = { readings: Reading[]; phase: AlertPhase; events: string[] };

/** Runs batches in order (each as one message) and checks the phase and transitions after each. */
function run(condition: AlertCondition, steps: Step[]) {
  let state: AlertState = initialAlertState;
  steps.forEach((step, i) => {
    const result = evaluateReadings(condition, state, step.readings);
    state = result.state;
    const events = result.transitions.map((tr) => `${tr.kind}@${(tr.at.getTime() - start) / 60_000}`);
    expect({ step: i, phase: state.phase, events }).toEqual({ step: i, phase: step.phase, events: step.events });
  });
  return state;
}

describe('threshold rules (table-driven, controlled clock)', () => {
  const cases: { name: string; condition: AlertCondition; steps: Step[] }[] = [
    {
      name: 'a breach shorter than the duration goes back to ok without raising',
      condition: warm,
      steps: [
        { readings: [reading(0, 9)], phase: 'pending', events: [] },
        { readings: [reading(5, 9.5)], phase: 'pending', events: [] },
        { readings: [reading(9, 7.9)], phase: 'ok', events: [] },
        { readings: [reading(20, 9)], phase: 'pending', events: [] },
      ],
    },
    {
      name: 'a breach lasting the duration raises once; more breaching readings raise nothing more',
      condition: warm,
      steps: [
        { readings: [reading(0, 8.5), reading(5, 9)], phase: 'pending', events: [] },
        { readings: [reading(10, 9.4)], phase: 'raised', events: ['raised@10'] },
        { readings: [reading(12, 9.6), reading(15, 10)], phase: 'raised', events: [] },
      ],
    },
    {
      name: 'exactly at the threshold is no breach; hysteresis: between the thresholds stays raised',
      condition: warm,
      steps: [
        { readings: [reading(0, 8)], phase: 'ok', events: [] },
        { readings: [reading(1, 8.1), reading(11, 8.2)], phase: 'raised', events: ['raised@11'] },
        { readings: [reading(12, 7.5)], phase: 'raised', events: [] },
        { readings: [reading(13, 7)], phase: 'clearing', events: [] },
        { readings: [reading(14, 6.9)], phase: 'clearing', events: [] },
        { readings: [reading(15, 6.8)], phase: 'ok', events: ['cleared@15'] },
      ],
    },
    {
      name: 'warming again while clearing goes back to raised without a second alert',
      condition: warm,
      steps: [
        { readings: [reading(0, 9), reading(10, 9)], phase: 'raised', events: ['raised@10'] },
        { readings: [reading(11, 6)], phase: 'clearing', events: [] },
        { readings: [reading(12, 7.5)], phase: 'raised', events: [] },
        { readings: [reading(13, 6), reading(14, 6)], phase: 'clearing', events: [] },
        { readings: [reading(15, 6)], phase: 'ok', events: ['cleared@15'] },
      ],
    },
    {
      name: 'a whole episode in one batch raises and clears in order',
      condition: warm,
      steps: [
        {
          readings: [reading(0, 9), reading(10, 9.4), reading(20, 6), reading(22, 6)],
          phase: 'ok',
          events: ['raised@10', 'cleared@22'],
        },
      ],
    },
    {
      name: 'readings out of order within a batch are taken by their instants',
      condition: warm,
      steps: [{ readings: [reading(10, 9.4), reading(0, 9), reading(5, 9)], phase: 'raised', events: ['raised@10'] }],
    },
    {
      name: 'duplicates (a redelivered message, a repeat inside a batch) change nothing',
      condition: warm,
      steps: [
        { readings: [reading(0, 9), reading(0, 9), reading(10, 9)], phase: 'raised', events: ['raised@10'] },
        { readings: [reading(0, 9), reading(10, 9)], phase: 'raised', events: [] },
        { readings: [reading(11, 6), reading(13, 6)], phase: 'ok', events: ['cleared@13'] },
        { readings: [reading(11, 6), reading(13, 6)], phase: 'ok', events: [] },
      ],
    },
    {
      name: 'a late reading (older than the newest evaluated) neither raises nor reopens',
      condition: warm,
      steps: [
        {
          readings: [reading(0, 9), reading(10, 9), reading(11, 6), reading(13, 6)],
          phase: 'ok',
          events: ['raised@10', 'cleared@13'],
        },
        { readings: [reading(12, 20)], phase: 'ok', events: [] },
        { readings: [reading(14, 9)], phase: 'pending', events: [] },
        { readings: [reading(5, 3)], phase: 'pending', events: [] },
      ],
    },
    {
      name: 'below-threshold rule with no duration to clear: ok → pending → raised → ok',
      condition: dry,
      steps: [
        { readings: [reading(0, 5, 39)], phase: 'pending', events: [] },
        { readings: [reading(5, 5, 35)], phase: 'raised', events: ['raised@5'] },
        { readings: [reading(6, 5, 44)], phase: 'raised', events: [] },
        { readings: [reading(7, 5, 45)], phase: 'ok', events: ['cleared@7'] },
      ],
    },
    {
      name: 'no duration: the first breaching reading raises',
      condition: { ...warm, forSeconds: 0, clearForSeconds: 0 },
      steps: [
        { readings: [reading(0, 8.5)], phase: 'raised', events: ['raised@0'] },
        { readings: [reading(1, 7)], phase: 'ok', events: ['cleared@1'] },
      ],
    },
  ];
  it.each(cases)('$name', ({ condition, steps }) => {
    run(condition, steps);
  });

  it('the raise reports the reading that raised it and when the breach began', () => {
    const { transitions } = evaluateReadings(warm, initialAlertState, [reading(0, 9), reading(12, 9.4)]);
    expect(transitions).toEqual([{ kind: 'raised', at: at(12), value: 9.4, conditionSince: at(0) }]);
  });
});

describe('silence rules (controlled clock)', () => {
  const quiet: AlertCondition = { kind: 'silence', forSeconds: 900 };
  const watchingSince = at(0);

  it('raises once after N minutes without a reading, and clears with the next reading', () => {
    let state = evaluateReadings(quiet, initialAlertState, [reading(1, 5)]).state;
    expect(evaluateSilence(quiet, state, { now: at(15), watchingSince }).transitions).toEqual([]);
    const raised = evaluateSilence(quiet, state, { now: at(16), watchingSince });
    expect(raised.transitions).toEqual([{ kind: 'raised', at: at(16), value: null, conditionSince: at(1) }]);
    state = raised.state;
    expect(state.phase).toBe('raised');
    // The job runs again: still silent, but already raised.
    expect(evaluateSilence(quiet, state, { now: at(30), watchingSince }).transitions).toEqual([]);
    // A duplicate of the old reading is no sign of life; a newer one (even if it arrives late) is.
    expect(evaluateReadings(quiet, state, [reading(1, 5)]).transitions).toEqual([]);
    const back = evaluateReadings(quiet, state, [reading(20, 5), reading(21, 5)]);
    expect(back.transitions).toEqual([{ kind: 'cleared', at: at(20), value: null }]);
    expect(back.state.phase).toBe('ok');
  });

  it('a device that never reported is judged from when the rule started watching', () => {
    expect(evaluateSilence(quiet, initialAlertState, { now: at(14), watchingSince }).transitions).toEqual([]);
    expect(evaluateSilence(quiet, initialAlertState, { now: at(15), watchingSince }).state.phase).toBe('raised');
    // A rule made (or edited) after the last reading counts from then, not from the old reading.
    const old = evaluateReadings(quiet, initialAlertState, [reading(-60, 5)]).state;
    expect(evaluateSilence(quiet, old, { now: at(10), watchingSince }).transitions).toEqual([]);
  });

  it('threshold rules do not move with the clock alone', () => {
    const pending = evaluateReadings(warm, initialAlertState, [reading(0, 9)]).state;
    expect(evaluateSilence(warm, pending, { now: at(600), watchingSince })).toEqual({
      state: pending,
      transitions: [],
    });
  });
});
