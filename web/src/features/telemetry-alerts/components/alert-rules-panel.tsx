import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/query-state';
import { StatusPill, type StatusTone } from '@/components/status-pill';
import { errorMessage } from '@/lib/api/error-messages';
import { formatDateTime } from '@/lib/format/date-time';
import { useAlertRules } from '../api/get-alert-rules';
import { useRemoveAlertRule } from '../api/save-alert-rule';
import { ruleText } from '../describe-alert';
import type { AlertRule } from '../rule-form';
import { AlertRuleForm } from './alert-rule-form';

const phaseTone: Record<AlertRule['phase'], StatusTone> = {
  ok: 'good',
  pending: 'attention',
  raised: 'failed',
  clearing: 'attention',
};

/** What is being edited: nothing, a new rule, or one rule by id. */
type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'rule'; id: string };

/** A device's alert rules, each with where its evaluation stands, and the editor for them. */
export function AlertRulesPanel({ deviceId }: { deviceId: string }) {
  const { t, i18n } = useTranslation();
  const rules = useAlertRules(deviceId);
  const remove = useRemoveAlertRule();
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [confirming, setConfirming] = useState<string | null>(null);
  const done = () => setEditing({ kind: 'none' });

  return (
    <section
      aria-labelledby="alert-rules-heading"
      className="space-y-3 rounded-lg border border-washi-300 bg-white p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="alert-rules-heading" className="font-serif text-lg font-semibold">
          {t('telemetryAlerts.rules.title')}
        </h2>
        {editing.kind === 'none' && (
          <button type="button" className="btn-secondary px-3 py-1 text-sm" onClick={() => setEditing({ kind: 'new' })}>
            {t('telemetryAlerts.rules.add')}
          </button>
        )}
      </div>
      <p className="text-sm text-sumi-700">{t('telemetryAlerts.rules.lead')}</p>
      {editing.kind === 'new' && <AlertRuleForm deviceId={deviceId} onDone={done} />}
      <QueryState query={rules}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="text-sm text-sumi-600">{t('telemetryAlerts.rules.empty')}</p>
          ) : (
            <ul className="divide-y divide-washi-200">
              {data.items.map((rule) =>
                editing.kind === 'rule' && editing.id === rule.id ? (
                  <li key={rule.id} className="py-3">
                    <AlertRuleForm deviceId={deviceId} rule={rule} onDone={done} />
                  </li>
                ) : (
                  <li
                    key={rule.id}
                    className="alert-rule flex flex-wrap items-center justify-between gap-3 py-3"
                    data-phase={rule.phase}
                  >
                    <div className="space-y-1">
                      <p className="text-sm">{ruleText(rule, t)}</p>
                      <p className="flex flex-wrap items-center gap-2">
                        {rule.enabled ? (
                          <StatusPill tone={phaseTone[rule.phase]}>
                            {t(`telemetryAlerts.phase.${rule.phase}`)}
                          </StatusPill>
                        ) : (
                          <StatusPill tone="outline">{t('telemetryAlerts.rules.disabled')}</StatusPill>
                        )}
                        {rule.enabled && rule.phaseSince && (
                          // pending or clearing: since when, so staff can tell when it will raise or clear
                          <span className="phase-since text-xs text-sumi-600">
                            {t('telemetryAlerts.open.since', { at: formatDateTime(rule.phaseSince, i18n.language) })}
                          </span>
                        )}
                      </p>
                    </div>
                    <div className="flex gap-2">
                      {confirming === rule.id ? (
                        <>
                          <span className="text-sm">{t('telemetryAlerts.rules.confirmRemove')}</span>
                          <button
                            type="button"
                            className="btn-secondary px-3 py-1 text-sm text-shu-700"
                            disabled={remove.isPending}
                            onClick={() =>
                              remove.mutate({ deviceId, ruleId: rule.id }, { onSuccess: () => setConfirming(null) })
                            }
                          >
                            {t('telemetryAlerts.rules.removeConfirm')}
                          </button>
                          <button
                            type="button"
                            className="btn-secondary px-3 py-1 text-sm"
                            onClick={() => setConfirming(null)}
                          >
                            {t('common.cancel')}
                          </button>
                        </>
                      ) : (
                        <>
                          <button
                            type="button"
                            className="btn-secondary px-3 py-1 text-sm"
                            aria-label={t('telemetryAlerts.rules.editNamed', { rule: ruleText(rule, t) })}
                            onClick={() => setEditing({ kind: 'rule', id: rule.id })}
                          >
                            {t('telemetryAlerts.rules.edit')}
                          </button>
                          <button
                            type="button"
                            className="btn-secondary px-3 py-1 text-sm"
                            aria-label={t('telemetryAlerts.rules.removeNamed', { rule: ruleText(rule, t) })}
                            onClick={() => setConfirming(rule.id)}
                          >
                            {t('telemetryAlerts.rules.remove')}
                          </button>
                        </>
                      )}
                    </div>
                  </li>
                ),
              )}
            </ul>
          )
        }
      </QueryState>
      {remove.error && (
        <p role="alert" className="text-sm text-shu-700">
          {errorMessage(remove.error, t)}
        </p>
      )}
    </section>
  );
}
