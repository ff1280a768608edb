import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { QueryState } from '@/components/query-state';
import { useServerCart } from '@/features/cart/api/get-cart';
import { CartSummary } from '@/features/cart/components/cart-summary';
import { CheckoutForm } from '@/features/orders/components/checkout-form';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { queryKeys } from '@/lib/api/query-keys';

/** /checkout: the signed-in user's cart becomes an order (cash on delivery). */
export function CheckoutRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('checkout.title'));
  const cart = useServerCart();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const blocked = cart.data?.lines.some((line) => line.problem !== null) ?? false;

  return (
    <div className="space-y-6">
      <h1 className="font-serif text-2xl font-semibold">{t('checkout.title')}</h1>
      <QueryState query={cart}>
        {(data) =>
          data.lines.length === 0 ? (
            <div className="rounded-lg border border-washi-300 bg-white p-6">
              <p>{t('checkout.emptyCart')}</p>
              <Link to="/products" className="btn-primary mt-4">
                {t('cart.continueShopping')}
              </Link>
            </div>
          ) : (
            <div className="grid gap-8 lg:grid-cols-[3fr_2fr]">
              <CheckoutForm
                disabled={blocked}
                onPlaced={(order) => {
                  // the server emptied the cart with the order
                  void queryClient.invalidateQueries({ queryKey: queryKeys.cart });
                  void navigate(`/orders/${order.id}`);
                }}
              />
              <section className="space-y-3">
                <h2 className="font-serif text-lg font-semibold">{t('checkout.summaryTitle')}</h2>
                {blocked && (
                  <p role="alert" className="text-sm text-shu-700">
                    {t('checkout.errors.notPlaceable')}{' '}
                    <Link to="/cart" className="underline underline-offset-4">
                      {t('checkout.backToCart')}
                    </Link>
                  </p>
                )}
                <CartSummary cart={data} />
              </section>
            </div>
          )
        }
      </QueryState>
    </div>
  );
}
