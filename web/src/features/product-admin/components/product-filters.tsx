import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { productSorts, taxClasses } from '../api/staff-products';
import type { ProductFilterValues } from '../search-params';

/** Search, filters and sort for the staff product list; each change becomes the URL's query. */
export function ProductFilters({
  filters,
  categories,
  onChange,
}: {
  filters: ProductFilterValues;
  categories: readonly { slug: string; label: string }[];
  onChange: (next: ProductFilterValues) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q ?? '');
  const ids = { q: useId(), category: useId(), active: useId(), tax: useId(), sort: useId() };
  const set = (patch: Partial<ProductFilterValues>) => onChange({ ...filters, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    set({ q: q.trim() || undefined });
  };
  const select = 'rounded border border-washi-300 bg-white px-2 py-1.5';
  return (
    <form aria-label={t('admin.products.searchForm')} onSubmit={submit} className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col">
        <label htmlFor={ids.q} className="text-sm font-medium">
          {t('admin.products.search')}
        </label>
        <div className="flex gap-2">
          <input
            id={ids.q}
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            className="w-56 rounded border border-washi-300 px-2 py-1.5"
            placeholder={t('admin.products.searchPlaceholder')}
          />
          <button type="submit" className="btn-secondary">
            {t('admin.products.searchSubmit')}
          </button>
        </div>
      </div>
      <div className="flex flex-col">
        <label htmlFor={ids.category} className="text-sm font-medium">
          {t('admin.products.category')}
        </label>
        <select
          id={ids.category}
          className={select}
          value={filters.category ?? ''}
          onChange={(e) => set({ category: e.target.value || undefined })}
        >
          <option value="">{t('admin.products.allCategories')}</option>
          {categories.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col">
        <label htmlFor={ids.active} className="text-sm font-medium">
          {t('admin.products.state')}
        </label>
        <select
          id={ids.active}
          className={select}
          value={filters.active ?? ''}
          onChange={(e) => set({ active: (e.target.value || undefined) as ProductFilterValues['active'] })}
        >
          <option value="">{t('admin.products.allStates')}</option>
          <option value="true">{t('admin.products.active')}</option>
          <option value="false">{t('admin.products.archived')}</option>
        </select>
      </div>
      <div className="flex flex-col">
        <label htmlFor={ids.tax} className="text-sm font-medium">
          {t('admin.products.taxClass')}
        </label>
        <select
          id={ids.tax}
          className={select}
          value={filters.taxClass ?? ''}
          onChange={(e) => set({ taxClass: (e.target.value || undefined) as ProductFilterValues['taxClass'] })}
        >
          <option value="">{t('admin.products.allTaxClasses')}</option>
          {taxClasses.map((c) => (
            <option key={c} value={c}>
              {t(`admin.products.taxClasses.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col">
        <label htmlFor={ids.sort} className="text-sm font-medium">
          {t('admin.products.sort')}
        </label>
        <select
          id={ids.sort}
          className={select}
          value={filters.sort ?? ''}
          onChange={(e) => set({ sort: (e.target.value || undefined) as ProductFilterValues['sort'] })}
        >
          <option value="">{t('admin.products.sorts.default')}</option>
          {productSorts.map((s) => (
            <option key={s} value={s}>
              {t(`admin.products.sorts.${s}`)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
