import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterSelect } from '@/components/filter-select';
import { SearchField } from '@/components/search-field';
import { type UserQuery, userRoles, userStatuses } from '../api/get-users';

type Filters = Omit<UserQuery, 'cursor'>;

export function UserFilters({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    onChange({ ...filters, q });
  }

  return (
    <form aria-label={t('admin.users.searchForm')} onSubmit={submit} className="flex flex-wrap items-end gap-3">
      <SearchField
        label={t('admin.users.search')}
        placeholder={t('admin.users.searchPlaceholder')}
        submitLabel={t('admin.users.searchSubmit')}
        value={q}
        onChange={setQ}
      />
      <FilterSelect
        label={t('admin.users.role')}
        anyLabel={t('admin.users.allRoles')}
        value={filters.role}
        options={userRoles.map((r) => ({ value: r, label: t(`admin.roles.${r}`) }))}
        onChange={(role) => onChange({ ...filters, q, role })}
      />
      <FilterSelect
        label={t('admin.users.status')}
        anyLabel={t('admin.users.allStatuses')}
        value={filters.status}
        options={userStatuses.map((s) => ({ value: s, label: t(`admin.statuses.${s}`) }))}
        onChange={(status) => onChange({ ...filters, q, status })}
      />
    </form>
  );
}
