import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYen } from '@/lib/format/price';

type Totals = { taxes: readonly { rate: number; amount: number; tax: number }[]; total: number };

/**
 * Totals as the server computed them (a cart or an order): the tax-included
 * amount per rate, the tax it includes, and the total. For the guest cart,
 * priced in the browser, it says the figures are an estimate.
 */
export function TaxTotals({ totals, estimate = false }: { totals: Totals; estimate?: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-washi-300 bg-white p-4">
      <h2 id={headingId} className="font-serif text-lg font-semibold">
        {estimate ? t('totals.estimateTitle') : t('totals.title')}
      </h2>
      <dl className="mt-3 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
        {totals.taxes.map((entry) => (
          <div key={entry.rate} className="contents">
            <dt className="text-sumi-700">{t('totals.rateAmount', { rate: entry.rate })}</dt>
            <dd className="text-right tabular-nums">{formatYen(entry.amount)}</dd>
            <dt className="pl-4 text-xs text-sumi-600">{t('totals.rateTax', { rate: entry.rate })}</dt>
            <dd className="text-right text-xs tabular-nums text-sumi-600">{formatYen(entry.tax)}</dd>
          </div>
        ))}
        <dt className="mt-2 border-t border-washi-200 pt-2 font-semibold">{t('totals.total')}</dt>
        <dd
          className="mt-2 border-t border-washi-200 pt-2 text-right text-lg font-semibold tabular-nums"
          data-testid="total"
        >
          {formatYen(totals.total)}
        </dd>
      </dl>
      <p className="mt-2 text-xs text-sumi-600">{estimate ? t('totals.estimateNote') : t('totals.taxNote')}</p>
    </section>
  );
}
