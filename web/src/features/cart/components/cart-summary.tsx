import { useTranslation } from 'react-i18next';
import { TaxTotals } from '@/components/tax-totals';
import { formatYen } from '@/lib/format/price';
import type { Cart } from '../api/get-cart';

/** The cart as checkout shows it: what is being ordered and the server's totals. */
export function CartSummary({ cart }: { cart: Cart }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="space-y-4">
      <ul
        aria-label={t('checkout.summaryTitle')}
        className="divide-y divide-washi-200 rounded-lg border border-washi-300 bg-white"
      >
        {cart.lines.map((line) => (
          <li key={line.productId} className="flex items-baseline justify-between gap-3 p-3 text-sm">
            <span className="product-name">
              {(i18n.language === 'en' ? line.nameEn : line.nameJa) || line.nameJa}
              <span className="ml-2 text-sumi-600">× {line.quantity}</span>
              {line.problem && <span className="ml-2 text-shu-700">⚠</span>}
            </span>
            <span className="tabular-nums">{formatYen(line.amount)}</span>
          </li>
        ))}
      </ul>
      <TaxTotals totals={cart} />
    </div>
  );
}
