import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  availableSorts,
  defaultSort,
  type ProductFilters as Filters,
  isInvalidPriceRange,
  productSorts,
} from '../search-params';

export type CategoryOption = { slug: string; label: string };

type ProductFiltersProps = {
  filters: Filters;
  categories: CategoryOption[];
  onChange: (filters: Filters) => void;
};

const toYen = (value: string): number | undefined =>
  /^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : undefined;

/**
 * Selects and the checkbox apply at once; typed fields (keyword, prices) apply on
 * submit, so the URL and history do not change with every keystroke.
 */
export function ProductFilters({ filters, categories, onChange }: ProductFiltersProps) {
  const { t } = useTranslation();
  const id = useId();
  const [keyword, setKeyword] = useState(filters.q ?? '');
  const [minPrice, setMinPrice] = useState(filters.minPrice?.toString() ?? '');
  const [maxPrice, setMaxPrice] = useState(filters.maxPrice?.toString() ?? '');
  const [rangeError, setRangeError] = useState(false);
  // on small screens the filters fold away so results come first; wide screens always show them
  const [expanded, setExpanded] = useState(false);

  // follow the URL when it changes from outside (back/forward, header search)
  useEffect(() => setKeyword(filters.q ?? ''), [filters.q]);
  useEffect(() => setMinPrice(filters.minPrice?.toString() ?? ''), [filters.minPrice]);
  useEffect(() => setMaxPrice(filters.maxPrice?.toString() ?? ''), [filters.maxPrice]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: Filters = {
      ...filters,
      q: keyword.trim() || undefined,
      minPrice: toYen(minPrice),
      maxPrice: toYen(maxPrice),
    };
    if (isInvalidPriceRange(next)) {
      setRangeError(true);
      return;
    }
    setRangeError(false);
    // a sort chosen for the old search may not fit the new one (relevance needs a term)
    if (next.sort === 'relevance' && !next.q) next.sort = undefined;
    onChange(next);
  }

  const sort = filters.sort ?? defaultSort(filters);
  const errorId = `${id}-price-error`;
  const field = 'w-full rounded-md border border-sumi-400 bg-white px-3 py-2 text-sumi-900';
  const label = 'mb-1 block text-sm font-medium text-sumi-800';

  return (
    <form
      onSubmit={onSubmit}
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-washi-300 bg-white/70 p-4"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="font-serif text-lg font-semibold text-sumi-900">
          {t('filters.title')}
        </h2>
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={`${id}-fields`}
          onClick={() => setExpanded((value) => !value)}
          className="btn-secondary px-3 py-1 text-sm lg:hidden"
        >
          {expanded ? t('filters.hide') : t('filters.show')}
        </button>
      </div>
      <div id={`${id}-fields`} className={`mt-4 space-y-4 ${expanded ? '' : 'max-lg:hidden'}`}>
        <div>
          <label htmlFor={`${id}-q`} className={label}>
            {t('filters.keyword')}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            value={keyword}
            maxLength={100}
            onChange={(e) => setKeyword(e.target.value)}
            className={field}
          />
        </div>

        <div>
          <label htmlFor={`${id}-category`} className={label}>
            {t('filters.category')}
          </label>
          <select
            id={`${id}-category`}
            value={filters.category ?? ''}
            onChange={(e) => onChange({ ...filters, category: e.target.value || undefined })}
            className={field}
          >
            <option value="">{t('filters.allCategories')}</option>
            {categories.map((category) => (
              <option key={category.slug} value={category.slug}>
                {category.label}
              </option>
            ))}
          </select>
        </div>

        <fieldset>
          <legend className={label}>{t('filters.price')}</legend>
          <div className="flex items-center gap-2">
            <div className="flex-1">
              <label htmlFor={`${id}-min`} className="sr-only">
                {t('filters.minPrice')}
              </label>
              <input
                id={`${id}-min`}
                type="number"
                inputMode="numeric"
                min={0}
                step={1}
                value={minPrice}
                placeholder="0"
                aria-invalid={rangeError}
                aria-describedby={rangeError ? errorId : undefined}
                onChange={(e) => setMinPrice(e.target.value)}
                className={field}
              />
            </div>
            <span aria-hidden="true">〜</span>
            <div className="flex-1">
              <label htmlFor={`${id}-max`} className="sr-only">
                {t('filters.maxPrice')}
              </label>
              <input
                id={`${id}-max`}
                type="number"
                inputMode="numeric"
                min={0}
                step={1}
                value={maxPrice}
                placeholder="50000"
                aria-invalid={rangeError}
                aria-describedby={rangeError ? errorId : undefined}
                onChange={(e) => setMaxPrice(e.target.value)}
                className={field}
              />
            </div>
          </div>
          {rangeError && (
            <p id={errorId} role="alert" className="mt-1 text-sm text-shu-700">
              {t('filters.priceRangeError')}
            </p>
          )}
        </fieldset>

        <div className="flex items-center gap-2">
          <input
            id={`${id}-stock`}
            type="checkbox"
            checked={filters.inStock ?? false}
            onChange={(e) => onChange({ ...filters, inStock: e.target.checked || undefined })}
            className="size-5 accent-ai-700"
          />
          <label htmlFor={`${id}-stock`} className="text-sm text-sumi-800">
            {t('filters.inStock')}
          </label>
        </div>

        <div>
          <label htmlFor={`${id}-sort`} className={label}>
            {t('filters.sort')}
          </label>
          <select
            id={`${id}-sort`}
            value={sort}
            onChange={(e) => onChange({ ...filters, sort: productSorts.find((s) => s === e.target.value) })}
            className={field}
          >
            {availableSorts(filters).map((option) => (
              <option key={option} value={option}>
                {t(`filters.sortOptions.${option}`)}
              </option>
            ))}
          </select>
        </div>

        <div className="flex flex-wrap gap-2">
          <button type="submit" className="btn-primary">
            {t('filters.apply')}
          </button>
          <button type="button" onClick={() => onChange({})} className="btn-secondary">
            {t('filters.clear')}
          </button>
        </div>
      </div>
    </form>
  );
}
