import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { useUsers } from '@/features/admin-users/api/get-users';
import { InviteUserForm } from '@/features/admin-users/components/invite-user-form';
import { UserFilters } from '@/features/admin-users/components/user-filters';
import { UsersTable } from '@/features/admin-users/components/users-table';
import { parseUserFilters, serializeUserFilters } from '@/features/admin-users/search-params';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function AdminUsersRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.users.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseUserFilters(searchParams), [searchParams]);
  const filterKey = searchParams.toString();
  // cursors of the pages before this one; a new search starts again at the first page
  const [pages, setPages] = useState<{ key: string; cursors: string[] }>({ key: filterKey, cursors: [] });
  const cursors = pages.key === filterKey ? pages.cursors : [];
  const cursor = cursors.at(-1);
  const users = useUsers({ ...filters, ...(cursor ? { cursor } : {}) });

  return (
    <div className="space-y-6">
      <h1 className="font-serif text-2xl font-semibold">{t('admin.users.title')}</h1>
      <InviteUserForm />
      <section aria-labelledby="users-list-heading" className="space-y-3">
        <h2 id="users-list-heading" className="font-serif text-lg font-semibold">
          {t('admin.users.listTitle')}
        </h2>
        <UserFilters
          key={filterKey}
          filters={filters}
          onChange={(next) => setSearchParams(serializeUserFilters(next), { flushSync: true })}
        />
        {users.isPending ? (
          <p role="status">{t('common.loading')}</p>
        ) : users.isError ? (
          <ErrorState error={users.error} onRetry={() => void users.refetch()} retrying={users.isFetching} />
        ) : (
          <div className={users.isPlaceholderData ? 'opacity-60' : undefined}>
            <UsersTable users={users.data.items} />
          </div>
        )}
        <div className="flex items-center justify-between">
          <button
            type="button"
            className="btn-secondary"
            disabled={cursors.length === 0}
            onClick={() => setPages({ key: filterKey, cursors: cursors.slice(0, -1) })}
          >
            {t('admin.previous')}
          </button>
          <span className="text-sm text-sumi-600">{t('admin.page', { n: cursors.length + 1 })}</span>
          <button
            type="button"
            className="btn-secondary"
            disabled={!users.data?.nextCursor || users.isPlaceholderData}
            onClick={() => {
              const next = users.data?.nextCursor;
              if (next) setPages({ key: filterKey, cursors: [...cursors, next] });
            }}
          >
            {t('admin.next')}
          </button>
        </div>
      </section>
    </div>
  );
}
