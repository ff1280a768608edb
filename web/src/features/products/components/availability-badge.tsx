import { useTranslation } from 'react-i18next';
import { availabilityTone, StatusPill } from '@/components/status-pill';
import type { Schemas } from '@/lib/api/client';

type AvailabilityBadgeProps = { availability: Schemas['Availability'] };

export function AvailabilityBadge({ availability }: AvailabilityBadgeProps) {
  const { t } = useTranslation();
  const label =
    availability.status === 'low_stock'
      ? t('product.availability.low_stock', { count: availability.available })
      : t(`product.availability.${availability.status}`);
  return <StatusPill tone={availabilityTone[availability.status]}>{label}</StatusPill>;
}
