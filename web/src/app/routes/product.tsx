import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { AddToCart } from '@/features/cart/components/add-to-cart';
import { useProduct } from '@/features/products/api/get-product';
import { ProductDetails, ProductDetailsSkeleton } from '@/features/products/components/product-details';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ApiError } from '@/lib/api/api-error';
import { pickText } from '@/lib/i18n/languages';
import { NotFound } from './not-found';

export function ProductRoute() {
  const { t, i18n } = useTranslation();
  const { slug = '' } = useParams();
  const product = useProduct(slug);
  useDocumentTitle(product.data ? pickText(product.data.name, i18n.language) : undefined);

  if (product.isPending) {
    return (
      <div aria-busy="true">
        <p role="status" className="sr-only">
          {t('common.loading')}
        </p>
        <ProductDetailsSkeleton />
      </div>
    );
  }
  if (product.isError) {
    if (product.error instanceof ApiError && product.error.isNotFound) {
      return (
        <NotFound
          title={t('product.notFoundTitle')}
          body={t('product.notFoundBody')}
          linkTo="/products"
          linkLabel={t('product.backToList')}
        />
      );
    }
    return <ErrorState error={product.error} onRetry={() => void product.refetch()} retrying={product.isFetching} />;
  }
  return (
    <ProductDetails
      product={product.data}
      actions={<AddToCart productId={product.data.id} available={product.data.availability.available} />}
    />
  );
}
