import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterSelect } from '@/components/filter-select';
import { SearchField } from '@/components/search-field';
import type { StaffOrderQuery, StaffOrderSummary } from '../api/staff-orders';

type Filters = Omit<StaffOrderQuery, 'cursor'>;
type State = StaffOrderSummary['state'];

/** Staff mostly work the confirmed orders (to pack) and the shipped ones (to deliver): those first. */
const staffOrderStates: readonly State[] = ['confirmed', 'shipped', 'pending', 'delivered', 'cancelled', 'rejected'];

/** The orders list's state filter (with how many are in each) and the number-or-email search; kept in the URL. */
export function StaffOrderFilters({
  filters,
  counts,
  onChange,
}: {
  filters: Filters;
  counts: Partial<Record<State, number>> | undefined;
  onChange: (next: Filters) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q ?? '');
  function submit(event: FormEvent) {
    event.preventDefault();
    onChange({ ...filters, q: q.trim() });
  }
  return (
    <form aria-label={t('staffOrders.searchForm')} onSubmit={submit} className="flex flex-wrap items-end gap-3">
      <SearchField
        label={t('staffOrders.search')}
        placeholder={t('staffOrders.searchPlaceholder')}
        submitLabel={t('staffOrders.searchSubmit')}
        value={q}
        onChange={setQ}
      />
      <FilterSelect
        label={t('orders.state')}
        anyLabel={t('staffOrders.allStates')}
        value={filters.state}
        options={staffOrderStates.map((state) => ({
          value: state,
          label: counts
            ? t('staffOrders.stateWithCount', { state: t(`orders.states.${state}`), count: counts[state] ?? 0 })
            : t(`orders.states.${state}`),
        }))}
        onChange={(state) => onChange({ ...filters, q: q.trim(), state })}
      />
    </form>
  );
}

/** The filters as the URL holds them (shareable, survive reload); unknown values are ignored. */
export function parseStaffOrderFilters(params: URLSearchParams): Filters {
  const q = params.get('q')?.trim().slice(0, 200) ?? '';
  const state = staffOrderStates.find((s) => s === params.get('state'));
  return { ...(q ? { q } : {}), ...(state ? { state } : {}) };
}

export function serializeStaffOrderFilters(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.state) params.set('state', filters.state);
  if (filters.q) params.set('q', filters.q);
  return params;
}
