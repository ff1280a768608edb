import { useQueries } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { useChangeCart, useGuestCartLines } from '@/features/cart/api/change-cart';
import { useServerCart } from '@/features/cart/api/get-cart';
import { CartLines, type LineMedia } from '@/features/cart/components/cart-lines';
import { estimateGuestCart } from '@/features/cart/guest-cart-estimate';
import { productQueryOptions } from '@/features/products/api/get-product';
import { ProductImage } from '@/features/products/components/product-image';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ApiError } from '@/lib/api/api-error';
import type { Schemas } from '@/lib/api/client';
import { auth } from '@/lib/auth/auth';
import { useAuth } from '@/lib/auth/use-auth';

/**
 * The products behind the cart's lines (image and page for every cart; name,
 * price and stock for the guest cart's estimate): null for one the shop no
 * longer has, absent while loading.
 */
function useLineProducts(productIds: readonly string[]) {
  return useQueries({
    queries: productIds.map((id) => ({ ...productQueryOptions(id), retry: false })),
    combine: (results) => {
      const products = new Map<string, Schemas['Product'] | null>();
      results.forEach((result, i) => {
        const id = productIds[i];
        if (!id) return;
        if (result.data) products.set(id, result.data);
        else if (result.error instanceof ApiError && result.error.isNotFound) products.set(id, null);
      });
      return products;
    },
  });
}

export function CartRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('cart.title'));
  const { status } = useAuth();
  const signedIn = status === 'signedIn';
  const serverCart = useServerCart();
  const guestLines = useGuestCartLines();
  const change = useChangeCart();
  const productIds = signedIn
    ? (serverCart.data?.lines.map((line) => line.productId) ?? [])
    : guestLines.map((line) => line.productId);
  const products = useLineProducts(productIds);

  const media = (productId: string): LineMedia => {
    const product = products.get(productId);
    return {
      ...(product ? { href: `/products/${product.slug}` } : {}),
      image: <ProductImage image={product?.image ?? null} sizes="96px" className="text-xs" />,
    };
  };

  let body: ReactNode;
  if (status === 'loading' || (signedIn && serverCart.isPending)) {
    body = <p role="status">{t('common.loading')}</p>;
  } else if (signedIn && serverCart.isError) {
    body = (
      <ErrorState error={serverCart.error} onRetry={() => void serverCart.refetch()} retrying={serverCart.isFetching} />
    );
  } else {
    const cart = signedIn && serverCart.data ? serverCart.data : estimateGuestCart(guestLines, products);
    const lineCount = signedIn ? cart.lines.length : guestLines.length;
    const blocked = cart.lines.some((line) => line.problem !== null);
    body =
      lineCount === 0 ? (
        <div className="rounded-lg border border-washi-300 bg-white p-6">
          <p>{t('cart.empty')}</p>
          <Link to="/products" className="btn-primary mt-4">
            {t('cart.continueShopping')}
          </Link>
        </div>
      ) : (
        <div className="space-y-4">
          {!signedIn && <p className="text-sm text-sumi-700">{t('cart.guestNote')}</p>}
          <CartLines
            cart={cart}
            estimate={!signedIn}
            media={media}
            busyProductId={change.isPending ? change.variables.productId : undefined}
            onSetQuantity={(productId, quantity) => change.mutate({ kind: 'set', productId, quantity })}
            onRemove={(productId) => change.mutate({ kind: 'remove', productId })}
          />
          {change.isError && (
            <p role="alert" className="text-sm text-shu-700">
              {t('cart.errors.failed')}
            </p>
          )}
          <div className="flex flex-col items-end gap-2">
            {blocked && <p className="text-sm text-shu-700">{t('cart.resolveProblems')}</p>}
            {signedIn ? (
              blocked ? (
                <button type="button" className="btn-primary" disabled>
                  {t('cart.checkout')}
                </button>
              ) : (
                <Link to="/checkout" className="btn-primary">
                  {t('cart.checkout')}
                </Link>
              )
            ) : (
              <button
                type="button"
                className="btn-primary"
                disabled={status === 'unavailable'}
                onClick={() => void auth.signIn('/checkout')}
              >
                {t('cart.signInToCheckout')}
              </button>
            )}
          </div>
        </div>
      );
  }

  return (
    <div className="space-y-6">
      <h1 className="font-serif text-2xl font-semibold">{t('cart.title')}</h1>
      {body}
    </div>
  );
}
