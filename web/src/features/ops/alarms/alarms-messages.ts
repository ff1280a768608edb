import i18n from 'i18next';
import type { OpsAlarm } from './alarms-api';

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
    treatments: {
      breaching: '違反として扱う',
      notBreaching: '違反なしとして扱う',
      ignore: '無視して状態を保つ',
      missing: '欠損のまま扱う',
    },
    /** The catalogue's descriptions (the API's `description` is English, for API users). */
    descriptions: {
      OrdersRejectedBurst: '在庫切れで断った注文が 5 分で 5 件を超えました：在庫数を確認してください',
      OrderSettleSlow: '注文が在庫の判定を 30 秒以上待っています（p99）',
      RelayLagging: 'アウトボックスのイベントが発行まで 10 秒以上待っています',
      QueueAgeHigh: 'イベントがコンシューマーに取られるまで 1 分以上待っています',
      EventsDeadLettered: 'コンシューマーが諦めたイベントがあります：/admin で確認して再実行してください',
      ConsumerFailing:
        'コンシューマーの配信失敗が、直近 3 分のうち 2 分で毎分 2 件を超えました：再試行が尽きるまでお客様には見えません',
      Api5xx: 'API が 1 分に 5 件を超えるリクエストに 5xx で応答しました',
      ApiLatencyP99: 'API の応答時間（p99）が 2 秒を超えています',
      ReadingsRejectedBurst: '5 分で 100 件を超える計測値を断りました：センサーのデータか時計がおかしいようです',
    } satisfies Record<OpsAlarm['id'], string>,
    /** The evaluation's cause (the API's `cause`), worded here: the API's `reason` is English. */
    reasons: {
      notEvaluated: 'まだ評価していません',
      noData: '直近 {{periods}} 期間にデータポイントがありません',
      crossed:
        'しきい値超え：直近 {{judged}} 個のデータポイントのうち {{breaching}} 個が条件に当たりました（{{m}} 個で ALARM）',
      notCrossed: '直近 {{judged}} 個のデータポイントのうち条件に当たったのは {{breaching}} 個（ALARM には {{m}} 個）',
      fewAllBreaching: 'データポイントが {{judged}} 個しかなく（必要 {{m}} 個）、すべて条件に当たりました',
      missing: '（欠損 {{missing}} 個は{{treatment}}）',
      kept: '：状態を保ちました（ignore）',
    },
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
    treatments: {
      breaching: 'treated as breaching',
      notBreaching: 'treated as not breaching',
      ignore: 'ignored, state kept',
      missing: 'treated as missing',
    },
    descriptions: {
      OrdersRejectedBurst: 'More than 5 orders refused for want of stock in 5 minutes: check the stock levels',
      OrderSettleSlow: 'Orders wait more than 30 s (p99) for their stock verdict',
      RelayLagging: 'Outbox events wait more than 10 s to be published',
      QueueAgeHigh: 'Events wait more than a minute before the consumer takes them',
      EventsDeadLettered: 'The consumer dead-lettered events: inspect them at /admin and redrive',
      ConsumerFailing:
        'The consumer failed more than 2 deliveries a minute in 2 of the last 3 minutes: retries hide it from customers until they run out',
      Api5xx: 'The API answered more than 5 requests a minute with a 5xx',
      ApiLatencyP99: 'API p99 latency above 2 s',
      ReadingsRejectedBurst:
        'More than 100 sensor readings refused in 5 minutes: a device sends bad data or a wrong clock',
    },
    reasons: {
      notEvaluated: 'Not evaluated yet',
      noData: 'No datapoints in the last {{periods}} periods',
      crossed: 'Threshold crossed: {{breaching}} of the last {{judged}} datapoints breached, at least {{m}} needed',
      notCrossed: '{{breaching}} of the last {{judged}} datapoints breached, fewer than the {{m}} needed',
      fewAllBreaching: 'Only {{judged}} datapoints, fewer than the {{m}} needed, all breaching',
      missing: ' ({{missing}} missing, {{treatment}})',
      kept: ': state kept (ignore)',
    },
    history: 'State history',
    noHistory: 'No changes yet.',
    datapoints: 'Latest values',
    none: 'none',
    summary: '{{alarm}} in ALARM, {{ok}} OK, {{insufficient}} with insufficient data',
  },
};

i18n.addResourceBundle('ja', 'translation', { ops: ja }, true, false);
i18n.addResourceBundle('en', 'translation', { ops: en }, true, false);
