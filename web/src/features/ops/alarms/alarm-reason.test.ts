import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import { alarmReason, type OpsAlarmCause } from './alarm-reason';

// The app's i18n as the console has it: initialised, then the alarms tab's words added by their module.
await i18n.init({ lng: 'ja', resources: {}, interpolation: { escapeValue: false }, initAsync: false });
await import('./alarms-messages');
const translator = (lng: 'ja' | 'en') => i18n.getFixedT(lng);

const consumerFailing = { datapointsToAlarm: 2, missingData: 'notBreaching' } as const;

describe('alarmReason: the evaluation’s cause worded in the console’s language (the API’s reason is English)', () => {
  const cases: [OpsAlarmCause, string, string][] = [
    [
      { code: 'crossed', breaching: 2, judged: 3, missing: 1 },
      'しきい値超え：直近 3 個のデータポイントのうち 2 個が条件に当たりました（2 個で ALARM）（欠損 1 個は違反なしとして扱う）',
      'Threshold crossed: 2 of the last 3 datapoints breached, at least 2 needed (1 missing, treated as not breaching)',
    ],
    [
      { code: 'notCrossed', breaching: 1, judged: 3, missing: 0 },
      '直近 3 個のデータポイントのうち条件に当たったのは 1 個（ALARM には 2 個）',
      '1 of the last 3 datapoints breached, fewer than the 2 needed',
    ],
    [
      { code: 'noData', periods: 6, kept: true },
      '直近 6 期間にデータポイントがありません：状態を保ちました（ignore）',
      'No datapoints in the last 6 periods: state kept (ignore)',
    ],
    [
      { code: 'fewAllBreaching', breaching: 1, judged: 1, kept: false },
      'データポイントが 1 個しかなく（必要 2 個）、すべて条件に当たりました',
      'Only 1 datapoints, fewer than the 2 needed, all breaching',
    ],
    [{ code: 'notEvaluated' }, 'まだ評価していません', 'Not evaluated yet'],
  ];
  it.each(cases)('%o', (cause, ja, en) => {
    expect(alarmReason(translator('ja'), consumerFailing, cause)).toBe(ja);
    expect(alarmReason(translator('en'), consumerFailing, cause)).toBe(en);
  });

  it('has a description in each language for every alarm the API lists', () => {
    const ids = (lng: string) => Object.keys(i18n.getResource(lng, 'translation', 'ops.alarms.descriptions'));
    expect(ids('en')).toEqual(ids('ja'));
    expect(ids('ja')).toContain('ConsumerFailing');
  });
});
