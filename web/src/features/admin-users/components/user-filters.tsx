import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type UserQuery, type UserRole, type UserStatus, userRoles, userStatuses } from '../api/get-users';

type Filters = Omit<UserQuery, 'cursor'>;

export function UserFilters({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q ?? '');
  const ids = { q: useId(), role: useId(), status: useId() };

  function submit(event: FormEvent) {
    event.preventDefault();
    onChange({ ...filters, q });
  }

  return (
    <form aria-label={t('admin.users.searchForm')} onSubmit={submit} className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col">
        <label htmlFor={ids.q} className="text-sm font-medium">
          {t('admin.users.search')}
        </label>
        <input
          id={ids.q}
          type="search"
          value={q}
          maxLength={200}
          placeholder={t('admin.users.searchPlaceholder')}
          onChange={(e) => setQ(e.target.value)}
          className="w-64 rounded border border-washi-300 bg-white px-2 py-1.5"
        />
      </div>
      <div className="flex flex-col">
        <label htmlFor={ids.role} className="text-sm font-medium">
          {t('admin.users.role')}
        </label>
        <select
          id={ids.role}
          value={filters.role ?? ''}
          onChange={(e) => onChange({ ...filters, q, role: (e.target.value || undefined) as UserRole | undefined })}
          className="rounded border border-washi-300 bg-white px-2 py-1.5"
        >
          <option value="">{t('admin.users.allRoles')}</option>
          {userRoles.map((r) => (
            <option key={r} value={r}>
              {t(`admin.roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col">
        <label htmlFor={ids.status} className="text-sm font-medium">
          {t('admin.users.status')}
        </label>
        <select
          id={ids.status}
          value={filters.status ?? ''}
          onChange={(e) => onChange({ ...filters, q, status: (e.target.value || undefined) as UserStatus | undefined })}
          className="rounded border border-washi-300 bg-white px-2 py-1.5"
        >
          <option value="">{t('admin.users.allStatuses')}</option>
          {userStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`admin.statuses.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn-secondary">
        {t('admin.users.searchSubmit')}
      </button>
    </form>
  );
}
