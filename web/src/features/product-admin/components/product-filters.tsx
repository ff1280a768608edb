import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterSelect } from '@/components/filter-select';
import { SearchField } from '@/components/search-field';
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
  const set = (patch: Partial<ProductFilterValues>) => onChange({ ...filters, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    set({ q: q.trim() || undefined });
  };
  return (
    <form aria-label={t('admin.products.searchForm')} onSubmit={submit} className="flex flex-wrap items-end gap-3">
      <SearchField
        label={t('admin.products.search')}
        placeholder={t('admin.products.searchPlaceholder')}
        submitLabel={t('admin.products.searchSubmit')}
        value={q}
        onChange={setQ}
      />
      <FilterSelect
        label={t('admin.products.category')}
        anyLabel={t('admin.products.allCategories')}
        value={filters.category}
        options={categories.map((c) => ({ value: c.slug, label: c.label }))}
        onChange={(category) => set({ category })}
      />
      <FilterSelect
        label={t('admin.products.state')}
        anyLabel={t('admin.products.allStates')}
        value={filters.active}
        options={[
          { value: 'true', label: t('admin.products.active') },
          { value: 'false', label: t('admin.products.archived') },
        ]}
        onChange={(active) => set({ active })}
      />
      <FilterSelect
        label={t('admin.products.taxClass')}
        anyLabel={t('admin.products.allTaxClasses')}
        value={filters.taxClass}
        options={taxClasses.map((c) => ({ value: c, label: t(`admin.products.taxClasses.${c}`) }))}
        onChange={(taxClass) => set({ taxClass })}
      />
      <FilterSelect
        label={t('admin.products.sort')}
        anyLabel={t('admin.products.sorts.default')}
        value={filters.sort}
        options={productSorts.map((s) => ({ value: s, label: t(`admin.products.sorts.${s}`) }))}
        onChange={(sort) => set({ sort })}
      />
    </form>
  );
}
