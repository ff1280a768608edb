import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '@/components/data-table';
import { formatDateTime } from '@/lib/format/date-time';
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
  const columns: Column<AuditEntry>[] = [
    {
      id: 'at',
      header: t('admin.audit.at'),
      className: 'whitespace-nowrap text-sumi-600',
      cell: (entry) => <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language, 'dateTimeSeconds')}</time>,
    },
    {
      id: 'action',
      header: t('admin.audit.action'),
      cell: (entry) => (
        <>
          <span className="font-medium">
            {knownActions.has(entry.action) ? t(`admin.audit.actions.${entry.action}`) : entry.action}
          </span>
          <code className="ml-1 font-mono text-xs text-sumi-500">{entry.action}</code>
        </>
      ),
    },
    {
      id: 'subject',
      header: t('admin.audit.subject'),
      cell: (entry) =>
        entry.subjectEmail ?? (
          <span className="font-mono text-xs">
            {entry.subjectType}/{entry.subjectId.slice(0, 8)}
          </span>
        ),
    },
    {
      id: 'changes',
      header: t('admin.audit.changes'),
      cell: (entry) => (
        <ul className="space-y-0.5">
          {changedFields(entry.before, entry.after).map((change) => (
            <li key={change.field}>
              <span className="text-sumi-600">{change.field}:</span> {formatValue(change.from)} →{' '}
              {formatValue(change.to)}
            </li>
          ))}
        </ul>
      ),
    },
    {
      id: 'actor',
      header: t('admin.audit.actor'),
      cell: (entry) => entry.actorEmail ?? (entry.actorId ? entry.actorId.slice(0, 8) : t('admin.audit.system')),
    },
  ];
  return (
    <DataTable
      caption={t('admin.audit.title')}
      columns={columns}
      rows={entries}
      rowKey={(entry) => entry.id}
      empty={t('admin.audit.empty')}
      rowClassName="audit-entry align-top"
    />
  );
}
