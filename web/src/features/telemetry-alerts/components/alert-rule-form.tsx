import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, SelectField, TextField } from '@/components/field';
import { fieldErrors } from '@/lib/api/error-messages';
import { useSaveAlertRule } from '../api/save-alert-rule';
import {
  type AlertRule,
  alertKinds,
  alertMetrics,
  emptyRuleForm,
  formToRule,
  metricUnits,
  type RuleField,
  type RuleForm,
  type RuleFormErrors,
  ruleToForm,
  serverFieldPaths,
  serverRuleWording,
} from '../rule-form';

/**
 * Adds a rule, or edits one: above/below a threshold for some minutes with a
 * clear threshold (hysteresis) and a clear duration, or "no reading for N
 * minutes". Checked here first; what the server still refuses is shown at its field.
 */
export function AlertRuleForm({
  deviceId,
  rule,
  onDone,
}: {
  deviceId: string;
  rule?: AlertRule | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveAlertRule();
  const [form, setForm] = useState<RuleForm>(rule ? ruleToForm(rule) : emptyRuleForm);
  const [checked, setChecked] = useState<RuleFormErrors>({});
  const set =
    <K extends keyof RuleForm>(key: K) =>
    (value: RuleForm[K]) =>
      setForm((current) => ({ ...current, [key]: value }));

  const server = fieldErrors(save.error, t, { fields: Object.keys(serverFieldPaths), byCode: serverRuleWording });
  const errorOf = (field: RuleField): string | undefined => {
    const own = checked[field];
    if (own) return t(`telemetryAlerts.errors.${own}`);
    const path = Object.entries(serverFieldPaths).find(([, f]) => f === field)?.[0];
    return path ? server[path] : undefined;
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = formToRule(form);
    if ('errors' in result) {
      setChecked(result.errors);
      return;
    }
    setChecked({});
    save.mutate({ deviceId, ruleId: rule?.id, rule: result.rule }, { onSuccess: onDone });
  }

  const threshold = form.kind !== 'silence';
  const unit = metricUnits[form.metric];
  const title = rule ? t('telemetryAlerts.form.editTitle') : t('telemetryAlerts.form.addTitle');
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={title}
      className="alert-rule-form space-y-4 rounded-lg border border-ai-700/30 bg-washi-50 p-4"
    >
      <h3 className="font-medium">{title}</h3>
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          label={t('telemetryAlerts.form.kind')}
          value={form.kind}
          options={alertKinds.map((kind) => ({ value: kind, label: t(`telemetryAlerts.form.kinds.${kind}`) }))}
          onChange={set('kind')}
          error={errorOf('kind')}
        />
        {threshold && (
          <SelectField
            label={t('telemetryAlerts.form.metric')}
            value={form.metric}
            options={alertMetrics.map((metric) => ({ value: metric, label: t(`telemetry.${metric}`) }))}
            onChange={set('metric')}
            error={errorOf('metric')}
          />
        )}
        {threshold && (
          <TextField
            label={t('telemetryAlerts.form.threshold', { unit })}
            inputMode="decimal"
            value={form.threshold}
            onChange={set('threshold')}
            error={errorOf('threshold')}
            className="w-32 text-right tabular-nums"
          />
        )}
        <TextField
          label={threshold ? t('telemetryAlerts.form.forMinutes') : t('telemetryAlerts.form.silenceMinutes')}
          hint={threshold ? t('telemetryAlerts.form.forMinutesHint') : t('telemetryAlerts.form.silenceMinutesHint')}
          inputMode="decimal"
          value={form.forMinutes}
          onChange={set('forMinutes')}
          error={errorOf('forMinutes')}
          className="w-32 text-right tabular-nums"
        />
        {threshold && (
          <TextField
            label={t('telemetryAlerts.form.clearThreshold', { unit })}
            hint={t(`telemetryAlerts.form.clearThresholdHint.${form.kind}`)}
            optional
            inputMode="decimal"
            value={form.clearThreshold}
            onChange={set('clearThreshold')}
            error={errorOf('clearThreshold')}
            className="w-32 text-right tabular-nums"
          />
        )}
        {threshold && (
          <TextField
            label={t('telemetryAlerts.form.clearForMinutes')}
            hint={t('telemetryAlerts.form.clearForMinutesHint')}
            inputMode="decimal"
            value={form.clearForMinutes}
            onChange={set('clearForMinutes')}
            error={errorOf('clearForMinutes')}
            className="w-32 text-right tabular-nums"
          />
        )}
        <Field label={t('telemetryAlerts.form.enabled')} hint={t('telemetryAlerts.form.enabledHint')}>
          {(control) => (
            <input
              {...control}
              type="checkbox"
              checked={form.enabled}
              onChange={(e) => set('enabled')(e.target.checked)}
              className="h-5 w-5"
            />
          )}
        </Field>
      </div>
      {server._form && (
        <p role="alert" className="text-sm text-shu-700">
          {server._form}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" className="btn-primary" disabled={save.isPending}>
          {rule ? t('telemetryAlerts.form.save') : t('telemetryAlerts.form.add')}
        </button>
        <button type="button" className="btn-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
