import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FaultSwitch, useSetFaultSwitch } from '../api/ops';

/** One row per switch: its latency and failure rate, set or turned off; the API audits each change. */
export function FaultSwitchesPanel({ switches, store }: { switches: readonly FaultSwitch[]; store: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string | null>(null);
  const set = useSetFaultSwitch();
  return (
    <div className="space-y-3">
      <p className="text-sm text-sumi-700">{t('ops.faults.lead')}</p>
      <p className="text-xs text-sumi-500">{t('ops.faults.store', { store })}</p>
      {status && (
        <p role="status" className="rounded-md border border-ai-700/30 bg-washi-50 p-2 text-sm">
          {status}
        </p>
      )}
      {set.isError && (
        <p role="alert" className="text-sm text-shu-700">
          {t('admin.failed')}
        </p>
      )}
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-sumi-500">
            <th>{t('ops.faults.target')}</th>
            <th>{t('ops.faults.latency')}</th>
            <th>{t('ops.faults.failure')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {switches.map((s) => (
            <FaultSwitchRow
              key={`${s.target}-${s.latencyMs}-${s.failureRate}`}
              fault={s}
              busy={set.isPending}
              onSet={(latencyMs, failureRate) => {
                setStatus(null);
                set.mutate(
                  { target: s.target, latencyMs, failureRate },
                  { onSuccess: () => setStatus(t('ops.faults.saved', { target: t(`ops.faults.names.${s.target}`) })) },
                );
              }}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FaultSwitchRow(props: {
  fault: FaultSwitch;
  busy: boolean;
  onSet: (latencyMs: number, rate: number) => void;
}) {
  const { t } = useTranslation();
  const { fault } = props;
  const [latency, setLatency] = useState(String(fault.latencyMs));
  const [percent, setPercent] = useState(String(Math.round(fault.failureRate * 100)));
  const name = t(`ops.faults.names.${fault.target}`);
  return (
    <tr className="border-t border-sumi-100" data-testid={`fault-${fault.target}`}>
      <td className="py-1">
        <span
          className={`mr-2 inline-block rounded px-1.5 text-xs ${fault.on ? 'bg-shu-700 text-white' : 'bg-washi-100'}`}
        >
          {fault.on ? t('ops.faults.on') : t('ops.faults.off')}
        </span>
        {name}
      </td>
      <td>
        <input
          className="w-24 rounded border border-sumi-300 px-1"
          type="number"
          min={0}
          max={30000}
          step={50}
          value={latency}
          aria-label={`${name} ${t('ops.faults.latency')}`}
          onChange={(e) => setLatency(e.target.value)}
        />
      </td>
      <td>
        <input
          className="w-20 rounded border border-sumi-300 px-1"
          type="number"
          min={0}
          max={100}
          step={5}
          value={percent}
          aria-label={`${name} ${t('ops.faults.failure')}`}
          onChange={(e) => setPercent(e.target.value)}
        />
      </td>
      <td className="space-x-2 whitespace-nowrap">
        <button
          type="button"
          className="btn-primary px-2 py-0.5"
          disabled={props.busy}
          onClick={() => props.onSet(Number(latency) || 0, (Number(percent) || 0) / 100)}
        >
          {t('ops.faults.save')}
        </button>
        {fault.on && (
          <button
            type="button"
            className="btn-secondary px-2 py-0.5"
            disabled={props.busy}
            onClick={() => props.onSet(0, 0)}
          >
            {t('ops.faults.turnOff')}
          </button>
        )}
      </td>
    </tr>
  );
}
