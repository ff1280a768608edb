import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TaxTotals } from '@/components/tax-totals';
import { formatYen } from '@/lib/format/price';
import { maxLineQuantity } from '../guest-cart';
import type { Cart, CartLine } from '../guest-cart-estimate';

/** What the page knows about a line's product beyond the cart: its page and image. */
export type LineMedia = { href?: string; image?: ReactNode };

type CartLinesProps = {
  cart: Cart;
  media: (productId: string) => LineMedia;
  onSetQuantity: (productId: string, quantity: number) => void;
  onRemove: (productId: string) => void;
  /** A change to this line is being saved. */
  busyProductId?: string | undefined;
  /** The guest cart, priced in the browser: the totals are an estimate. */
  estimate?: boolean;
};

/** The cart's lines with quantity and remove controls, each with what stands in its way, then the totals. */
export function CartLines({ cart, media, onSetQuantity, onRemove, busyProductId, estimate = false }: CartLinesProps) {
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <ul
        aria-label={t('cart.lines')}
        className="divide-y divide-washi-200 rounded-lg border border-washi-300 bg-white"
      >
        {cart.lines.map((line) => (
          <CartLineItem
            key={line.productId}
            line={line}
            media={media(line.productId)}
            busy={busyProductId === line.productId}
            onSetQuantity={(quantity) => onSetQuantity(line.productId, quantity)}
            onRemove={() => onRemove(line.productId)}
          />
        ))}
      </ul>
      <TaxTotals totals={cart} estimate={estimate} />
    </div>
  );
}

function CartLineItem({
  line,
  media,
  busy,
  onSetQuantity,
  onRemove,
}: {
  line: CartLine;
  media: LineMedia;
  busy: boolean;
  onSetQuantity: (quantity: number) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const quantityId = useId();
  const problemId = useId();
  const name = (i18n.language === 'en' ? line.nameEn : line.nameJa) || line.nameJa || t('cart.unknownProduct');
  const gone = line.problem?.code === 'unavailable';
  return (
    <li className="flex gap-4 p-4" aria-busy={busy}>
      <div className="w-20 shrink-0 overflow-hidden rounded border border-washi-200 sm:w-24">{media.image}</div>
      <div className="flex min-w-0 flex-1 flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1">
          <h2 className="product-name font-medium leading-snug text-sumi-900">
            {media.href && !gone ? (
              <Link to={media.href} className="underline-offset-4 hover:underline">
                {name}
              </Link>
            ) : (
              name
            )}
          </h2>
          {!gone && (
            <p className="text-sm text-sumi-700">
              {t('cart.unitPrice', { price: formatYen(line.unitPrice) })}
              {line.taxRate === 8 && <span className="ml-2 text-xs text-sumi-600">{t('cart.reducedRate')}</span>}
            </p>
          )}
          {line.problem && (
            <p id={problemId} role="note" className="text-sm font-medium text-shu-700">
              <span aria-hidden="true">⚠ </span>
              {problemText(line.problem, t)}
            </p>
          )}
          {line.problem?.code === 'price_changed' && (
            <button
              type="button"
              className="btn-secondary text-sm"
              disabled={busy}
              onClick={() => onSetQuantity(line.quantity)}
            >
              {t('cart.acceptPrice')}
            </button>
          )}
        </div>
        <div className="flex items-center gap-3 sm:flex-col sm:items-end">
          {!gone && (
            <div className="flex items-center gap-2">
              <label htmlFor={quantityId} className="text-sm text-sumi-700">
                {t('cart.quantity')}
              </label>
              <select
                id={quantityId}
                value={line.quantity}
                disabled={busy}
                aria-describedby={line.problem ? problemId : undefined}
                onChange={(event) => onSetQuantity(Number(event.target.value))}
                className="rounded border border-washi-300 bg-white px-2 py-1 tabular-nums"
              >
                {Array.from({ length: maxLineQuantity }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
          )}
          {!gone && <p className="font-semibold tabular-nums text-sumi-900">{formatYen(line.amount)}</p>}
          <button
            type="button"
            className="text-sm text-sumi-700 underline underline-offset-4 hover:text-shu-700"
            disabled={busy}
            onClick={onRemove}
          >
            {t('cart.remove')}
            <span className="sr-only">: {name}</span>
          </button>
        </div>
      </div>
    </li>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

/** The server's reason, in the page's language; a general one when the code is new to this page. */
function problemText(problem: NonNullable<CartLine['problem']>, t: Translate): string {
  switch (problem.code) {
    case 'unavailable':
      return t('cart.problems.unavailable');
    case 'sold_out':
      return t('cart.problems.sold_out');
    case 'insufficient_stock':
      return t('cart.problems.insufficient_stock', { count: problem.available ?? 0 });
    case 'price_changed':
      return t('cart.problems.price_changed', {
        oldPrice: formatYen(problem.oldPrice ?? 0),
        newPrice: formatYen(problem.newPrice ?? 0),
      });
    default:
      return t('cart.problems.other');
  }
}
