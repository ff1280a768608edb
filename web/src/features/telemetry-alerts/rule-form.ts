import type { Schemas } from '@/lib/api/client';

export type AlertRule = Schemas['AlertRule'];
export type AlertRuleInput = Schemas['AlertRuleInput'];
export type AlertKind = AlertRule['kind'];
export type AlertMetric = NonNullable<AlertRule['metric']>;

export const alertKinds: readonly AlertKind[] = ['above', 'below', 'silence'];
export const alertMetrics: readonly AlertMetric[] = ['temperature', 'humidity'];
export const metricUnits: Record<AlertMetric, string> = { temperature: '°C', humidity: '%RH' };

/**
 * What each metric's threshold may be: the server's ranges (alert-api-schemas.ts),
 * so a rule the server would refuse is caught before it is sent.
 */
export const thresholdRanges: Record<AlertMetric, { min: number; max: number }> = {
  temperature: { min: -40, max: 85 },
  humidity: { min: 0, max: 100 },
};
/** A day, the server's longest duration. */
export const maxMinutes = 1440;

/** The editor's fields, as typed: numbers stay text until the rule is checked. */
export type RuleForm = {
  kind: AlertKind;
  metric: AlertMetric;
  threshold: string;
  /** Blank: clears at the threshold itself (no hysteresis). */
  clearThreshold: string;
  forMinutes: string;
  clearForMinutes: string;
  enabled: boolean;
};
export type RuleField = Exclude<keyof RuleForm, 'enabled'>;
/** Each field's problem as an i18n key under `telemetryAlerts.errors`. */
export type RuleFormErrors = Partial<Record<RuleField, string>>;

export const emptyRuleForm: RuleForm = {
  kind: 'above',
  metric: 'temperature',
  threshold: '',
  clearThreshold: '',
  forMinutes: '10',
  clearForMinutes: '0',
  enabled: true,
};

/** Minutes as the form shows them: whole where the seconds allow it, else to a hundredth. */
export function minutesText(seconds: number): string {
  const minutes = seconds / 60;
  return Number.isInteger(minutes) ? String(minutes) : String(Math.round(minutes * 100) / 100);
}

export function ruleToForm(rule: AlertRule): RuleForm {
  return {
    kind: rule.kind,
    metric: rule.metric ?? 'temperature',
    threshold: rule.threshold === null ? '' : String(rule.threshold),
    clearThreshold:
      rule.clearThreshold === null || rule.clearThreshold === rule.threshold ? '' : String(rule.clearThreshold),
    forMinutes: minutesText(rule.forSeconds),
    clearForMinutes: minutesText(rule.clearForSeconds),
    enabled: rule.enabled,
  };
}

/** A decimal as staff type it (full-width digits and a comma for the point are forgiven); NaN if it is not one. */
function parseNumber(text: string): number {
  const normal = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[－−]/g, '-')
    .replace(/[．,]/g, '.');
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
}

function minutesToSeconds(text: string, min: number): { seconds: number } | { error: string } {
  const minutes = parseNumber(text);
  if (Number.isNaN(minutes)) return { error: 'minutesNumber' };
  if (minutes < min || minutes > maxMinutes) return { error: min > 0 ? 'silenceMinutes' : 'minutesRange' };
  return { seconds: Math.round(minutes * 60) };
}

/**
 * Checks the form the way the server will and builds the request body, or
 * says what is wrong with which field.
 */
export function formToRule(form: RuleForm): { rule: AlertRuleInput } | { errors: RuleFormErrors } {
  const errors: RuleFormErrors = {};
  if (form.kind === 'silence') {
    const duration = minutesToSeconds(form.forMinutes, 1);
    if ('error' in duration) return { errors: { forMinutes: duration.error } };
    return { rule: { kind: 'silence', forSeconds: duration.seconds, enabled: form.enabled } };
  }
  const range = thresholdRanges[form.metric];
  const inRange = (value: number) => value >= range.min && value <= range.max;
  const threshold = parseNumber(form.threshold);
  if (form.threshold.trim() === '') errors.threshold = 'thresholdRequired';
  else if (Number.isNaN(threshold)) errors.threshold = 'number';
  else if (!inRange(threshold)) errors.threshold = `${form.metric}Range`;
  const clear = form.clearThreshold.trim() === '' ? undefined : parseNumber(form.clearThreshold);
  if (clear !== undefined) {
    if (Number.isNaN(clear)) errors.clearThreshold = 'number';
    else if (!inRange(clear)) errors.clearThreshold = `${form.metric}Range`;
    else if (!errors.threshold && (form.kind === 'above' ? clear > threshold : clear < threshold)) {
      errors.clearThreshold = form.kind === 'above' ? 'clearAbove' : 'clearBelow';
    }
  }
  const duration = minutesToSeconds(form.forMinutes, 0);
  if ('error' in duration) errors.forMinutes = duration.error;
  const clearDuration = minutesToSeconds(form.clearForMinutes.trim() === '' ? '0' : form.clearForMinutes, 0);
  if ('error' in clearDuration) errors.clearForMinutes = clearDuration.error;
  if (Object.keys(errors).length > 0 || 'error' in duration || 'error' in clearDuration) return { errors };
  return {
    rule: {
      kind: form.kind,
      metric: form.metric,
      threshold,
      ...(clear === undefined ? {} : { clearThreshold: clear }),
      forSeconds: duration.seconds,
      clearForSeconds: clearDuration.seconds,
      enabled: form.enabled,
    },
  };
}

/** The server's field paths, as the editor names its fields. */
export const serverFieldPaths: Record<string, RuleField> = {
  kind: 'kind',
  metric: 'metric',
  threshold: 'threshold',
  clearThreshold: 'clearThreshold',
  forSeconds: 'forMinutes',
  clearForSeconds: 'clearForMinutes',
};

/** The server's detail codes for a refused rule (alert-api-schemas.ts), worded like the editor's own checks. */
export const serverRuleWording: Readonly<Record<string, string>> = {
  CLEAR_THRESHOLD_WRONG_SIDE: 'telemetryAlerts.errors.clearSide',
  out_of_range: 'telemetryAlerts.errors.outOfRange',
  too_big: 'telemetryAlerts.errors.minutesRange',
  too_small: 'telemetryAlerts.errors.minutesRange',
  invalid_type: 'telemetryAlerts.errors.number',
};
