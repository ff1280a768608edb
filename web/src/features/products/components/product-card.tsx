import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '@/lib/api/client';
import { pickText } from '@/lib/i18n/languages';
import { AvailabilityBadge } from './availability-badge';
import { PriceTag } from './price-tag';
import { ProductImage } from './product-image';

type ProductCardProps = {
  product: Schemas['ProductSummary'];
  /** What the list offers on the card (the cart's quick add), given by the route. */
  action?: ReactNode;
};

export function ProductCard({ product, action }: ProductCardProps) {
  const { i18n } = useTranslation();
  const name = pickText(product.name, i18n.language);
  return (
    <article className="group relative flex h-full flex-col overflow-hidden rounded-lg border border-washi-300 bg-white/80 shadow-sm transition-shadow hover:shadow-md">
      <ProductImage image={product.image} sizes="(min-width: 1024px) 25vw, (min-width: 640px) 33vw, 50vw" />
      <div className="flex flex-1 flex-col gap-1.5 p-3">
        <p className="text-xs text-sumi-600">{pickText(product.category.name, i18n.language)}</p>
        <h3 className="product-name font-medium leading-snug text-sumi-900">
          {/* the stretched link makes the whole card clickable with one tab stop */}
          <Link to={`/products/${product.slug}`} className="after:absolute after:inset-0 group-hover:underline">
            {name}
          </Link>
        </h3>
        <div className="mt-auto flex flex-col items-start gap-1 pt-1">
          <PriceTag price={product.price} />
          <AvailabilityBadge availability={product.availability} />
          {action && (
            <div data-testid="card-action" className="w-full pt-1">
              {action}
            </div>
          )}
        </div>
      </div>
    </article>
  );
}
