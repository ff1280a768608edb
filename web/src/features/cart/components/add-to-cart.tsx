import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addToCartError } from '../add-to-cart-error';
import { useChangeCart } from '../api/change-cart';
import { maxLineQuantity } from '../guest-cart';

/** The product page's "add to cart": a quantity and a button; says what happened next to it. */
export function AddToCart({ productId, available }: { productId: string; available: number }) {
  const { t } = useTranslation();
  const change = useChangeCart();
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState<number | null>(null);
  const ids = { quantity: useId(), message: useId() };
  const soldOut = available <= 0;
  const max = Math.max(1, Math.min(maxLineQuantity, available));

  function submit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    change.mutate({ kind: 'add', productId, quantity }, { onSuccess: () => setAdded(quantity) });
  }

  const error = change.isError ? addToCartError(change.error, t) : null;

  return (
    <form onSubmit={submit} className="space-y-2" aria-describedby={error || added ? ids.message : undefined}>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col">
          <label htmlFor={ids.quantity} className="text-sm font-medium text-sumi-800">
            {t('cart.quantity')}
          </label>
          <select
            id={ids.quantity}
            value={quantity}
            disabled={soldOut}
            onChange={(event) => setQuantity(Number(event.target.value))}
            className="w-20 rounded border border-washi-300 bg-white px-2 py-1.5 tabular-nums"
          >
            {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-primary" disabled={soldOut || change.isPending}>
          {soldOut ? t('product.availability.sold_out') : t('cart.add')}
        </button>
      </div>
      <div id={ids.message} aria-live="polite">
        {error ? (
          <p role="alert" className="text-sm text-shu-700">
            {error}
          </p>
        ) : added !== null ? (
          <p className="text-sm text-matsu-800">
            {t('cart.added', { count: added })}{' '}
            <Link to="/cart" className="font-semibold underline underline-offset-4">
              {t('cart.viewCart')}
            </Link>
          </p>
        ) : null}
      </div>
    </form>
  );
}
