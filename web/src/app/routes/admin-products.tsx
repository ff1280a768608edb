import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Pager } from '@/components/pager';
import { QueryState } from '@/components/query-state';
import { useStaffCategories } from '@/features/category-admin/api/staff-categories';
import { useSetProductsActive, useStaffProducts } from '@/features/product-admin/api/staff-products';
import { ProductFilters } from '@/features/product-admin/components/product-filters';
import { ProductTable } from '@/features/product-admin/components/product-table';
import { parseProductFilters, serializeProductFilters } from '@/features/product-admin/search-params';
import { useCursorPages } from '@/hooks/use-cursor-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function AdminProductsRoute() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('admin.products.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseProductFilters(searchParams), [searchParams]);
  const filterKey = searchParams.toString();
  const pages = useCursorPages(filterKey);
  const { cursor } = pages;
  const products = useStaffProducts({ ...filters, ...(cursor ? { cursor } : {}) });
  const categories = useStaffCategories();
  const setActive = useSetProductsActive();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const lang = i18n.language === 'en' ? 'en' : 'ja';

  function select(ids: string[], checked: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (checked) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }

  function bulk(active: boolean) {
    const ids = [...selected];
    setActive.mutate(
      { ids, active },
      {
        onSuccess: ({ changed }) => {
          setSelected(new Set());
          setNotice(t(active ? 'admin.products.restoredCount' : 'admin.products.archivedCount', { count: changed }));
        },
        onError: () => setNotice(t('admin.failed')),
      },
    );
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-2xl font-semibold">{t('admin.products.title')}</h1>
        <Link to="/admin/products/new" className="btn-primary">
          {t('admin.products.new')}
        </Link>
      </div>
      <ProductFilters
        key={filterKey}
        filters={filters}
        categories={(categories.data ?? []).map((c) => ({ slug: c.slug, label: c.name[lang] }))}
        onChange={(next) => setSearchParams(serializeProductFilters(next), { flushSync: true })}
      />
      <div className="flex flex-wrap items-center gap-3">
        <span className="text-sm text-sumi-700">{t('admin.products.selected', { count: selected.size })}</span>
        <button
          type="button"
          className="btn-secondary"
          disabled={selected.size === 0 || setActive.isPending}
          onClick={() => bulk(false)}
        >
          {t('admin.products.archiveSelected')}
        </button>
        <button
          type="button"
          className="btn-secondary"
          disabled={selected.size === 0 || setActive.isPending}
          onClick={() => bulk(true)}
        >
          {t('admin.products.restoreSelected')}
        </button>
        {notice ? (
          <span role="status" className="text-sm">
            {notice}
          </span>
        ) : null}
      </div>
      <QueryState query={products}>
        {(data) => (
          <div className={products.isPlaceholderData ? 'opacity-60' : undefined}>
            <p className="mb-2 text-sm text-sumi-700" data-testid="product-total">
              {t('admin.products.total', { count: data.total })}
            </p>
            <ProductTable products={data.items} selected={selected} onSelect={select} />
          </div>
        )}
      </QueryState>
      <Pager pages={pages} nextCursor={products.data?.nextCursor} loading={products.isPlaceholderData} />
    </div>
  );
}
