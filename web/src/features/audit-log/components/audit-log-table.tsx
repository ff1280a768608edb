import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api/get-audit-log';
import { changedFields, formatValue } from '../describe-change';

const knownActions = new Set([
  'user.changed',
  'user.invited',
  'user.deleted',
  'service_token.created',
  'service_token.revoked',
]);

export function AuditLogTable({ entries }: { entries: AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-US' : 'ja-JP', {
    dateStyle: 'medium',
    timeStyle: 'medium',
  });
  if (entries.length === 0) return <p className="text-sm text-sumi-600">{t('admin.audit.empty')}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-washi-300 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t('admin.audit.title')}</caption>
        <thead className="bg-washi-100 text-sumi-700">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t('admin.audit.at')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('admin.audit.action')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('admin.audit.subject')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('admin.audit.changes')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('admin.audit.actor')}
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} className="audit-entry border-t border-washi-200 align-top">
              <td className="whitespace-nowrap px-3 py-2 text-sumi-600">
                <time dateTime={entry.at}>{format.format(new Date(entry.at))}</time>
              </td>
              <td className="px-3 py-2">
                <span className="font-medium">
                  {knownActions.has(entry.action) ? t(`admin.audit.actions.${entry.action}`) : entry.action}
                </span>
                <code className="ml-1 font-mono text-xs text-sumi-500">{entry.action}</code>
              </td>
              <td className="px-3 py-2 font-mono text-xs">
                {entry.subjectType}/{entry.subjectId.slice(0, 8)}
              </td>
              <td className="px-3 py-2">
                <ul className="space-y-0.5">
                  {changedFields(entry.before, entry.after).map((change) => (
                    <li key={change.field}>
                      <span className="text-sumi-600">{change.field}:</span> {formatValue(change.from)} →{' '}
                      {formatValue(change.to)}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="px-3 py-2 font-mono text-xs">{entry.actorId ? entry.actorId.slice(0, 8) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
