import { useTranslation } from 'react-i18next';
import { formatYen } from '@/lib/format/price';

type PriceTagProps = { price: number; size?: 'md' | 'lg' };

/** Japan requires tax-inclusive display: the amount always carries 税込 / "tax incl.". */
export function PriceTag({ price, size = 'md' }: PriceTagProps) {
  const { t } = useTranslation();
  return (
    <p className="flex items-baseline gap-1.5 text-sumi-900">
      <span className={size === 'lg' ? 'text-3xl font-semibold tabular-nums' : 'text-lg font-semibold tabular-nums'}>
        {formatYen(price)}
      </span>
      <span className="text-xs text-sumi-600">({t('product.taxIncluded')})</span>
    </p>
  );
}
