import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Pager } from '@/components/pager';
import { QueryState } from '@/components/query-state';
import { useMe } from '@/features/account/api/get-me';
import { useUsers } from '@/features/admin-users/api/get-users';
import { InviteUserForm } from '@/features/admin-users/components/invite-user-form';
import { UserFilters } from '@/features/admin-users/components/user-filters';
import { UsersTable } from '@/features/admin-users/components/users-table';
import { parseUserFilters, serializeUserFilters } from '@/features/admin-users/search-params';
import { useCursorPages } from '@/hooks/use-cursor-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function AdminUsersRoute() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('admin.users.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseUserFilters(searchParams), [searchParams]);
  const filterKey = searchParams.toString();
  const pages = useCursorPages(filterKey);
  const { cursor } = pages;
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
        <QueryState query={users}>
          {(data) => (
            <div className={users.isPlaceholderData ? 'opacity-60' : undefined}>
              <UsersTable users={data.items} meId={me.data?.id} />
            </div>
          )}
        </QueryState>
        <Pager pages={pages} nextCursor={users.data?.nextCursor} loading={users.isPlaceholderData} />
      </section>
    </div>
  );
}
