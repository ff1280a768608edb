import { useTranslation } from 'react-i18next';
import type { OpsLogRecord } from '../api/ops';

const levelColour: Record<OpsLogRecord['level'], string> = {
  trace: 'text-sumi-500',
  debug: 'text-sumi-500',
  info: 'text-ai-700',
  warn: 'text-amber-700',
  error: 'text-shu-700',
  fatal: 'text-shu-700',
};

/** Structured log lines, newest first as the API gives them; a line's trace id opens its trace. */
export function LogsTable({ lines, onTrace }: { lines: readonly OpsLogRecord[]; onTrace?: (traceId: string) => void }) {
  const { t } = useTranslation();
  if (lines.length === 0) return <p className="text-sm text-sumi-500">{t('ops.logs.none')}</p>;
  return (
    <table className="w-full table-fixed text-xs">
      <thead>
        <tr className="text-left text-sumi-500">
          <th className="w-24">{t('ops.logs.time')}</th>
          <th className="w-12">{t('ops.logs.level')}</th>
          <th className="w-20">{t('ops.logs.module')}</th>
          <th>{t('ops.logs.message')}</th>
        </tr>
      </thead>
      <tbody className="font-mono">
        {lines.map((line, i) => (
          <tr key={`${line.time}-${i}`} className="border-t border-sumi-100 align-top" data-testid="log-line">
            <td>{new Date(line.time).toLocaleTimeString()}</td>
            <td className={levelColour[line.level]}>{line.level}</td>
            <td className="truncate">{line.module}</td>
            <td className="break-all">
              {line.msg}
              {Object.keys(line.fields).length > 0 && (
                <span className="text-sumi-500"> {JSON.stringify(line.fields)}</span>
              )}
              {line.traceId && onTrace && (
                <button type="button" className="ml-1 underline" onClick={() => onTrace(line.traceId ?? '')}>
                  {line.traceId.slice(0, 8)}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
