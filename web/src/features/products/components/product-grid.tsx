import type { ReactNode } from 'react';
import { Skeleton } from '@/components/skeleton';
import type { Schemas } from '@/lib/api/client';
import { ProductCard } from './product-card';

const gridClass = 'grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-3 lg:grid-cols-4';

type ProductGridProps = {
  products: Schemas['ProductSummary'][];
  label?: string;
  /** A control for each card (the cart's quick add), given by the route: features do not import each other. */
  cardAction?: (product: Schemas['ProductSummary']) => ReactNode;
};

export function ProductGrid({ products, label, cardAction }: ProductGridProps) {
  return (
    <ul className={gridClass} aria-label={label}>
      {products.map((product) => (
        <li key={product.id}>
          <ProductCard product={product} action={cardAction?.(product)} />
        </li>
      ))}
    </ul>
  );
}

export function ProductGridSkeleton({ count = 8 }: { count?: number }) {
  return (
    <div className={gridClass}>
      {Array.from({ length: count }, (_, index) => (
        <div key={index} className="overflow-hidden rounded-lg border border-washi-300 bg-white/60">
          <Skeleton className="aspect-square rounded-none" />
          <div className="space-y-2 p-3">
            <Skeleton className="h-3 w-1/3" />
            <Skeleton className="h-4 w-4/5" />
            <Skeleton className="h-5 w-1/2" />
          </div>
        </div>
      ))}
    </div>
  );
}
