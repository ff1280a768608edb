import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { pickText } from '@/lib/i18n/languages';
import { addToCartError } from '../add-to-cart-error';
import { useChangeCart } from '../api/change-cart';

/**
 * A product card's "add to cart": one unit, without leaving the list. It sits
 * above the card's stretched link (`relative z-10`); the product's name is in
 * its accessible name, so a list of them is told apart. Nothing for a sold-out
 * product (its badge says so).
 */
export function QuickAddToCart({ product }: { product: Schemas['ProductSummary'] }) {
  const { t, i18n } = useTranslation();
  const change = useChangeCart();
  if (product.availability.available <= 0) return null;
  const productId = product.id;
  const name = pickText(product.name, i18n.language);
  const error = change.isError ? addToCartError(change.error, t) : null;
  return (
    <div className="relative z-10">
      <button
        type="button"
        className="btn-secondary w-full px-2 py-1 text-sm"
        disabled={change.isPending}
        onClick={() => change.mutate({ kind: 'add', productId, quantity: 1 })}
      >
        {t('cart.add')}
        <span className="sr-only">: {name}</span>
      </button>
      <p aria-live="polite" className="mt-1 text-xs empty:hidden">
        {error ? (
          <span className="text-shu-700">{error}</span>
        ) : change.isSuccess ? (
          <span className="text-matsu-800">{t('cart.addedOne')}</span>
        ) : null}
      </p>
    </div>
  );
}
