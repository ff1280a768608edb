import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Skeleton } from '@/components/skeleton';
import type { Schemas } from '@/lib/api/client';
import { pickText } from '@/lib/i18n/languages';
import { AvailabilityBadge } from './availability-badge';
import { PriceTag } from './price-tag';
import { ProductGallery } from './product-gallery';

/** `actions` is where the page puts what a shopper can do with the product (add to cart). */
type ProductDetailsProps = { product: Schemas['Product']; actions?: ReactNode };

export function ProductDetails({ product, actions }: ProductDetailsProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const name = pickText(product.name, language);
  const categoryName = pickText(product.category.name, language);
  const gallery = product.images.filter((image) => image !== null);
  const images = gallery.length > 0 ? gallery : product.image ? [product.image] : [];

  return (
    <article>
      <nav aria-label={t('product.breadcrumb')} className="mb-4 text-sm text-sumi-700">
        <ol className="flex flex-wrap items-center gap-1">
          <li>
            <Link to="/" className="underline-offset-4 hover:underline">
              {t('nav.home')}
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li>
            <Link to="/products" className="underline-offset-4 hover:underline">
              {t('nav.products')}
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li>
            <Link
              to={`/products?category=${encodeURIComponent(product.category.slug)}`}
              className="underline-offset-4 hover:underline"
            >
              {categoryName}
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page" className="text-sumi-900">
            {name}
          </li>
        </ol>
      </nav>

      <div className="grid gap-8 md:grid-cols-2">
        <ProductGallery images={images} />
        <div className="space-y-5">
          <div>
            <p className="text-sm text-sumi-600">{categoryName}</p>
            <h1
              tabIndex={-1}
              className="product-name mt-1 font-serif text-2xl font-semibold leading-snug text-sumi-900 sm:text-3xl"
            >
              {name}
            </h1>
          </div>
          <div className="space-y-2">
            <h2 className="sr-only">{t('product.price')}</h2>
            <PriceTag price={product.price} size="lg" />
            <div className="flex flex-wrap items-center gap-2">
              <AvailabilityBadge availability={product.availability} />
              {product.taxClass === 'reduced' && (
                <span className="text-xs text-sumi-600">{t('product.reducedTax')}</span>
              )}
            </div>
          </div>
          {actions}
          <section>
            <h2 className="font-serif text-lg font-semibold text-sumi-900">{t('product.description')}</h2>
            <p className="mt-2 whitespace-pre-line leading-relaxed text-sumi-800">
              {pickText(product.description, language)}
            </p>
          </section>
          <section>
            <h2 className="font-serif text-lg font-semibold text-sumi-900">{t('product.details')}</h2>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-sumi-600">{t('product.sku')}</dt>
              <dd className="font-mono text-sumi-900">{product.sku}</dd>
              <dt className="text-sumi-600">{t('product.category')}</dt>
              <dd className="text-sumi-900">{categoryName}</dd>
            </dl>
          </section>
        </div>
      </div>
    </article>
  );
}

export function ProductDetailsSkeleton() {
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <Skeleton className="aspect-square w-full" />
      <div className="space-y-4">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-8 w-4/5" />
        <Skeleton className="h-9 w-40" />
        <Skeleton className="h-5 w-20" />
        <Skeleton className="h-24 w-full" />
      </div>
    </div>
  );
}
