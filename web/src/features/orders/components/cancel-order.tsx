import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasCode } from '@/lib/api/api-error';
import { errorMessage } from '@/lib/api/error-messages';
import { useCancelOrder } from '../api/cancel-order';
import { canCancel, type OrderState } from '../order-states';

/**
 * Cancel, asked twice: the button (while the order can be cancelled) opens a
 * confirmation in place. A refusal (409: it shipped meanwhile) stays on screen
 * after the order has been read again.
 */
export function CancelOrder({ orderId, state }: { orderId: string; state: OrderState }) {
  const { t } = useTranslation();
  const cancel = useCancelOrder(orderId);
  const [confirming, setConfirming] = useState(false);
  const error = !cancel.isError
    ? null
    : hasCode(cancel.error, 'ILLEGAL_ORDER_TRANSITION')
      ? t('orders.cancelNotAllowed')
      : t('orders.cancelRefused', { message: errorMessage(cancel.error, t) });
  return (
    <div className="space-y-2">
      {!canCancel(state) ? null : confirming ? (
        <section aria-label={t('orders.cancel')} className="rounded-lg border border-shu-600/40 bg-white p-4">
          <p className="text-sm">{t('orders.cancelConfirm')}</p>
          <div className="mt-3 flex gap-3">
            <button
              type="button"
              className="btn-primary"
              disabled={cancel.isPending}
              onClick={() => cancel.mutate(undefined, { onSettled: () => setConfirming(false) })}
            >
              {t('orders.cancelYes')}
            </button>
            <button type="button" className="btn-secondary" onClick={() => setConfirming(false)}>
              {t('orders.cancelNo')}
            </button>
          </div>
        </section>
      ) : (
        <button type="button" className="btn-secondary" onClick={() => setConfirming(true)}>
          {t('orders.cancel')}
        </button>
      )}
      {error && (
        <p role="alert" className="text-sm text-shu-700">
          {error}
        </p>
      )}
    </div>
  );
}
