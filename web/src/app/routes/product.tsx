import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { QueryState } from '@/components/query-state';
import { AddToCart } from '@/features/cart/components/add-to-cart';
import { useProduct } from '@/features/products/api/get-product';
import { ProductDetails, ProductDetailsSkeleton } from '@/features/products/components/product-details';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { pickText } from '@/lib/i18n/languages';

export function ProductRoute() {
  const { t, i18n } = useTranslation();
  const { slug = '' } = useParams();
  const product = useProduct(slug);
  useDocumentTitle(product.data ? pickText(product.data.name, i18n.language) : undefined);
  return (
    <QueryState
      query={product}
      notFound={{
        title: t('product.notFoundTitle'),
        body: t('product.notFoundBody'),
        linkTo: '/products',
        linkLabel: t('product.backToList'),
      }}
      loading={
        <div aria-busy="true">
          <p role="status" className="sr-only">
            {t('common.loading')}
          </p>
          <ProductDetailsSkeleton />
        </div>
      }
    >
      {(data) => (
        <ProductDetails
          product={data}
          actions={<AddToCart productId={data.id} available={data.availability.available} />}
        />
      )}
    </QueryState>
  );
}
