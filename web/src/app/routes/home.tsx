import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '@/components/query-state';
import { QuickAddToCart } from '@/features/cart/components/quick-add-to-cart';
import { useCategories } from '@/features/categories/api/get-categories';
import { CategoryTiles, CategoryTilesSkeleton } from '@/features/categories/components/category-tiles';
import { useProducts } from '@/features/products/api/get-products';
import { ProductGrid, ProductGridSkeleton } from '@/features/products/components/product-grid';
import { useDocumentTitle } from '@/hooks/use-document-title';

// what can be bought: a sold-out product never headlines the shop
const newArrivalsQuery = { sort: 'newest', inStock: 'true', limit: 8 } as const;

export function HomeRoute() {
  const { t } = useTranslation();
  const categories = useCategories();
  const newArrivals = useProducts(newArrivalsQuery);
  useDocumentTitle(undefined);

  return (
    <div className="space-y-12">
      <section
        aria-labelledby="hero-title"
        className="relative overflow-hidden rounded-xl bg-ai-900 px-6 py-10 text-washi-50 [--focus-ring:#f3c969] sm:px-10 sm:py-14"
      >
        <span
          aria-hidden="true"
          className="pointer-events-none absolute -right-6 -top-10 select-none font-serif text-[12rem] leading-none text-washi-50/10 sm:text-[16rem]"
        >
          蔵
        </span>
        <p className="text-sm tracking-[0.3em] text-washi-200">蔵 KURA</p>
        <h1 id="hero-title" className="mt-3 max-w-xl font-serif text-3xl font-semibold leading-tight sm:text-4xl">
          {t('home.heroTitle')}
        </h1>
        <p className="mt-4 max-w-2xl leading-relaxed text-washi-100">{t('home.heroLead')}</p>
        <Link
          to="/products"
          className="mt-6 inline-flex rounded-md bg-washi-50 px-5 py-2.5 font-medium text-ai-900 hover:bg-white"
        >
          {t('home.heroCta')}
        </Link>
      </section>

      <section aria-labelledby="categories-title">
        <h2 id="categories-title" className="mb-4 font-serif text-2xl font-semibold">
          {t('home.categories')}
        </h2>
        <QueryState query={categories} loading={<CategoryTilesSkeleton />}>
          {(data) => <CategoryTiles categories={data.items} />}
        </QueryState>
      </section>

      <section aria-labelledby="new-title">
        <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="new-title" className="font-serif text-2xl font-semibold">
            {t('home.newArrivals')}
          </h2>
          <Link to="/products?sort=newest" className="text-sm text-ai-800 underline underline-offset-4">
            {t('home.viewAll')}
          </Link>
        </div>
        <QueryState query={newArrivals} loading={<ProductGridSkeleton count={8} />}>
          {(data) => (
            <ProductGrid
              products={data.items}
              label={t('home.newArrivals')}
              cardAction={(product) => <QuickAddToCart product={product} />}
            />
          )}
        </QueryState>
      </section>
    </div>
  );
}
