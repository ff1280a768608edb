import i18n from 'i18next';

/** The alarms tab's words (loaded with the console), merged into the console's `ops` messages. */
const ja = {
  tabs: { alarms: 'アラーム' },
  alarms: {
    lead: 'CloudWatch と同じ定義（カタログ）のアラームを、このプロセスのメトリクスで評価しています（10 秒ごと）。障害スイッチで失敗を起こすと、ここで ALARM になり、止めると OK に戻ります。',
    states: { OK: 'OK', ALARM: 'ALARM', INSUFFICIENT_DATA: 'データ不足' },
    name: 'アラーム',
    state: '状態',
    rule: '条件',
    reason: '理由',
    since: 'この状態になった時刻',
    ruleText:
      '{{metric}} の {{statistic}}（{{period}} 秒ごと）が {{threshold}} {{comparison}}期間が直近 {{n}} 期間中 {{m}} 期間',
    comparisons: {
      GreaterThanThreshold: 'を超えた',
      GreaterThanOrEqualToThreshold: '以上の',
      LessThanThreshold: '未満の',
    },
    missing: '欠損データ: {{treatment}}',
    history: '状態の履歴',
    noHistory: 'まだ変化はありません。',
    datapoints: '直近の値',
    none: 'なし',
    summary: 'ALARM {{alarm}} 件・OK {{ok}} 件・データ不足 {{insufficient}} 件',
  },
};

const en: typeof ja = {
  tabs: { alarms: 'Alarms' },
  alarms: {
    lead: 'The alarms CloudWatch has (the same catalogue), evaluated here against this process’s own metrics every 10 s. Make something fail with a fault switch and watch its alarm go to ALARM, then back to OK once the switch is off.',
    states: { OK: 'OK', ALARM: 'ALARM', INSUFFICIENT_DATA: 'Insufficient data' },
    name: 'Alarm',
    state: 'State',
    rule: 'Condition',
    reason: 'Reason',
    since: 'In this state since',
    ruleText:
      '{{statistic}} of {{metric}} per {{period}} s {{comparison}} {{threshold}} in {{m}} of the last {{n}} periods',
    comparisons: {
      GreaterThanThreshold: 'above',
      GreaterThanOrEqualToThreshold: 'at or above',
      LessThanThreshold: 'below',
    },
    missing: 'Missing data: {{treatment}}',
    history: 'State history',
    noHistory: 'No changes yet.',
    datapoints: 'Latest values',
    none: 'none',
    summary: '{{alarm}} in ALARM, {{ok}} OK, {{insufficient}} with insufficient data',
  },
};

i18n.addResourceBundle('ja', 'translation', { ops: ja }, true, false);
i18n.addResourceBundle('en', 'translation', { ops: en }, true, false);
