import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { QueryState } from '@/components/query-state';
import { QuickAddToCart } from '@/features/cart/components/quick-add-to-cart';
import { useCategories } from '@/features/categories/api/get-categories';
import { useProductList } from '@/features/products/api/get-products';
import { ProductFilters } from '@/features/products/components/product-filters';
import { ProductGrid, ProductGridSkeleton } from '@/features/products/components/product-grid';
import {
  type ProductFilters as Filters,
  parseProductFilters,
  serializeProductFilters,
} from '@/features/products/search-params';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { pickText } from '@/lib/i18n/languages';

export function ProductsRoute() {
  const { t, i18n } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseProductFilters(searchParams), [searchParams]);
  const categories = useCategories();
  const list = useProductList(filters);

  const categoryOptions = (categories.data?.items ?? []).map((category) => ({
    slug: category.slug,
    label: pickText(category.name, i18n.language),
  }));
  const categoryName = categoryOptions.find((c) => c.slug === filters.category)?.label;
  const title = filters.q ? t('products.searchTitle', { q: filters.q }) : (categoryName ?? t('products.title'));
  useDocumentTitle(title);

  const products = list.data?.pages.flatMap((page) => page.items) ?? [];
  const suggestion = list.isPlaceholderData ? null : (list.data?.pages[0]?.suggestion ?? null);
  const loadingNewResults = list.isPending || list.isPlaceholderData;
  const status = loadingNewResults
    ? t('common.loading')
    : list.isSuccess
      ? t(list.hasNextPage ? 'products.showingMore' : 'products.showing', { count: products.length })
      : '';

  function applyFilters(next: Filters) {
    // flushSync: controls bound to the URL (checkbox, selects) must not flip back
    // while a transition renders the new list
    setSearchParams(serializeProductFilters(next), { flushSync: true });
  }

  return (
    <div>
      <h1 className="mb-6 font-serif text-2xl font-semibold sm:text-3xl">{title}</h1>
      <div className="grid gap-6 lg:grid-cols-[17rem_1fr]">
        <aside>
          <ProductFilters filters={filters} categories={categoryOptions} onChange={applyFilters} />
        </aside>
        <section aria-labelledby="results-title" aria-busy={loadingNewResults}>
          <h2 id="results-title" className="sr-only">
            {t('products.results')}
          </h2>
          <p role="status" aria-live="polite" className="mb-3 min-h-6 text-sm text-sumi-700">
            {status}
          </p>
          {suggestion ? (
            <p className="mb-4 text-base">
              {t('products.didYouMean')}{' '}
              <Link
                to={{
                  pathname: '/products',
                  search: serializeProductFilters({ ...filters, q: suggestion }).toString(),
                }}
                className="font-semibold text-ai-800 underline underline-offset-4"
              >
                {suggestion}
              </Link>
            </p>
          ) : null}
          <QueryState query={list} keepDataOnError loading={<ProductGridSkeleton count={8} />}>
            {() =>
              products.length === 0 ? (
                <div className="rounded-lg border border-dashed border-sumi-400 bg-white/60 p-8 text-center">
                  <p className="font-medium text-sumi-900">{t('products.empty')}</p>
                  <p className="mt-1 text-sm text-sumi-700">{t('products.emptyHint')}</p>
                  <button type="button" onClick={() => applyFilters({})} className="btn-secondary mt-4">
                    {t('filters.clear')}
                  </button>
                </div>
              ) : (
                <div className={list.isPlaceholderData ? 'opacity-60 transition-opacity' : undefined}>
                  <ProductGrid
                    products={products}
                    label={t('products.results')}
                    cardAction={(product) => <QuickAddToCart product={product} />}
                  />
                </div>
              )
            }
          </QueryState>
          {list.isFetchNextPageError && (
            <div className="mt-6">
              <ErrorState
                error={list.error}
                onRetry={() => void list.fetchNextPage()}
                retrying={list.isFetchingNextPage}
              />
            </div>
          )}
          {list.hasNextPage && !list.isPlaceholderData && !list.isFetchNextPageError && (
            <div className="mt-8 flex justify-center">
              {/* aria-disabled, not disabled: a disabled button would drop keyboard focus */}
              <button
                type="button"
                onClick={() => {
                  if (!list.isFetchingNextPage) void list.fetchNextPage();
                }}
                aria-disabled={list.isFetchingNextPage}
                className="btn-primary min-w-48 aria-disabled:opacity-60"
              >
                {list.isFetchingNextPage ? t('products.loadingMore') : t('products.loadMore')}
              </button>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
