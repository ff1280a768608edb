import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterSelect } from '@/components/filter-select';
import { type UserQuery, userRoles, userStatuses } from '../api/get-users';

type Filters = Omit<UserQuery, 'cursor'>;

export function UserFilters({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q ?? '');
  const searchId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    onChange({ ...filters, q });
  }

  return (
    <form aria-label={t('admin.users.searchForm')} onSubmit={submit} className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col">
        <label htmlFor={searchId} className="text-sm font-medium">
          {t('admin.users.search')}
        </label>
        <input
          id={searchId}
          type="search"
          value={q}
          maxLength={200}
          placeholder={t('admin.users.searchPlaceholder')}
          onChange={(e) => setQ(e.target.value)}
          className="w-64 rounded border border-washi-300 bg-white px-2 py-1.5"
        />
      </div>
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
      <button type="submit" className="btn-secondary">
        {t('admin.users.searchSubmit')}
      </button>
    </form>
  );
}
