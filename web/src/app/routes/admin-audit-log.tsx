import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/query-state';
import { useAuditLog } from '@/features/audit-log/api/get-audit-log';
import { AuditLogTable } from '@/features/audit-log/components/audit-log-table';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function AdminAuditLogRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.audit.title'));
  const log = useAuditLog();
  return (
    <div className="space-y-4">
      <h1 className="font-serif text-2xl font-semibold">{t('admin.audit.title')}</h1>
      <p className="text-sm text-sumi-700">{t('admin.audit.lead')}</p>
      <QueryState query={log} keepDataOnError>
        {(data) => <AuditLogTable entries={data.pages.flatMap((page) => page.items)} />}
      </QueryState>
      {log.hasNextPage && (
        <div className="flex justify-center">
          <button
            type="button"
            className="btn-secondary"
            disabled={log.isFetchingNextPage}
            onClick={() => void log.fetchNextPage()}
          >
            {log.isFetchingNextPage ? t('common.loading') : t('admin.audit.loadMore')}
          </button>
        </div>
      )}
    </div>
  );
}
