import type { TFunction } from 'i18next';
import type { Alert } from './api/get-alerts';
import { type AlertKind, type AlertMetric, type AlertRule, metricUnits } from './rule-form';

/** A value with its unit, one decimal as the sensors report it ("9.4 °C"). */
export function formatValue(value: number | null, metric: AlertMetric | null): string {
  if (value === null || metric === null) return '—';
  return `${value.toFixed(1)} ${metricUnits[metric]}`;
}

/** "12 分" / "1 時間 5 分": how long a condition held. */
export function formatDuration(ms: number, t: TFunction): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return t('telemetryAlerts.duration.minutes', { count: minutes });
  return t('telemetryAlerts.duration.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/** The condition in a few words: "温度 > 8 °C", "報告なし". */
export function conditionText(
  condition: { kind: AlertKind; metric: AlertMetric | null; threshold: number | null },
  t: TFunction,
): string {
  if (condition.kind === 'silence' || condition.metric === null || condition.threshold === null) {
    return t('telemetryAlerts.condition.silence');
  }
  return t(`telemetryAlerts.condition.${condition.kind}`, {
    metric: t(`telemetry.${condition.metric}`),
    threshold: condition.threshold,
    unit: metricUnits[condition.metric],
  });
}

/** A rule in one sentence, with its duration and how it clears. */
export function ruleText(rule: AlertRule, t: TFunction): string {
  const minutes = Math.round((rule.forSeconds / 60) * 100) / 100;
  if (rule.kind === 'silence' || rule.metric === null) return t('telemetryAlerts.rule.silence', { minutes });
  const raise = t('telemetryAlerts.rule.threshold', { condition: conditionText(rule, t), minutes });
  const clearMinutes = Math.round((rule.clearForSeconds / 60) * 100) / 100;
  const clear = t(clearMinutes > 0 ? 'telemetryAlerts.rule.clearsAfter' : 'telemetryAlerts.rule.clears', {
    value: rule.clearThreshold,
    unit: metricUnits[rule.metric],
    minutes: clearMinutes,
  });
  return `${raise}${t('telemetryAlerts.rule.separator')}${clear}`;
}

/** How long the alert's condition held: until it cleared, or until now while it is raised. */
export function alertDurationMs(alert: Alert, now: Date): number {
  const end = alert.clearedAt ? Date.parse(alert.clearedAt) : now.getTime();
  return end - Date.parse(alert.conditionSince);
}

/** An alert as staff read it: "温度 > 8 °C：9.4 °C、12 分". */
export function openAlertText(alert: Alert, now: Date, t: TFunction): string {
  return t('telemetryAlerts.open.line', {
    condition: conditionText(alert, t),
    value: formatValue(alert.raisedValue, alert.metric),
    duration: formatDuration(alertDurationMs(alert, now), t),
  });
}

/** The lines an enabled rule draws across its metric's chart: where it raises, and where it clears when that differs. */
export function ruleThresholds(
  rules: readonly AlertRule[],
  metric: AlertMetric,
  t: TFunction,
): { value: number; label: string }[] {
  return rules.flatMap((rule) => {
    if (!rule.enabled || rule.kind === 'silence' || rule.metric !== metric || rule.threshold === null) return [];
    const unit = metricUnits[metric];
    const lines = [
      { value: rule.threshold, label: t(`telemetryAlerts.chart.${rule.kind}`, { value: rule.threshold, unit }) },
    ];
    if (rule.clearThreshold !== null && rule.clearThreshold !== rule.threshold) {
      lines.push({
        value: rule.clearThreshold,
        label: t('telemetryAlerts.chart.clear', { value: rule.clearThreshold, unit }),
      });
    }
    return lines;
  });
}
