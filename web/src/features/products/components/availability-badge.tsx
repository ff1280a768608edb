import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';

type AvailabilityBadgeProps = { availability: Schemas['Availability'] };

const styles: Record<Schemas['Availability']['status'], string> = {
  in_stock: 'bg-matsu-100 text-matsu-800 ring-matsu-700/30',
  low_stock: 'bg-kohaku-100 text-kohaku-900 ring-kohaku-700/40',
  sold_out: 'bg-sumi-100 text-sumi-700 ring-sumi-500/40',
};

export function AvailabilityBadge({ availability }: AvailabilityBadgeProps) {
  const { t } = useTranslation();
  const label =
    availability.status === 'low_stock'
      ? t('product.availability.low_stock', { count: availability.available })
      : t(`product.availability.${availability.status}`);
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${styles[availability.status]}`}
    >
      {label}
    </span>
  );
}
