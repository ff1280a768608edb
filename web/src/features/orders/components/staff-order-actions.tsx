import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/api-error';
import { errorMessage } from '@/lib/api/error-messages';
import { type StaffOrder, type StaffOrderAction, useChangeStaffOrder } from '../api/staff-orders';
import { staffActionsFor } from '../order-states';

/** Why an action was refused, in staff's words; other codes use the shared wording. */
const staffActionWording = {
  ILLEGAL_ORDER_TRANSITION: 'staffOrders.illegal',
  PRECONDITION_FAILED: 'staffOrders.stale',
  ORDER_STOCK_NOT_RESERVED: 'staffOrders.stockReleased',
  NETWORK: 'staffOrders.failed',
} as const;

/**
 * Ship, deliver and cancel, each offered only where the state allows it;
 * cancel asks first. What happened stays on screen: the change, or why it was
 * refused (another member of staff moved or changed the order meanwhile).
 */
export function StaffOrderActions({ order }: { order: StaffOrder }) {
  const { t } = useTranslation();
  const change = useChangeStaffOrder(order.id);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [done, setDone] = useState<StaffOrderAction | null>(null);
  const actions = staffActionsFor(order.state);

  function run(action: StaffOrderAction) {
    setDone(null);
    change.mutate(
      { action, version: order.version },
      { onSuccess: () => setDone(action), onSettled: () => setConfirmingCancel(false) },
    );
  }

  const error = !change.isError
    ? null
    : change.error instanceof ApiError && !(change.error.code in staffActionWording)
      ? t('staffOrders.refused', { message: errorMessage(change.error, t) })
      : errorMessage(change.error, t, staffActionWording);

  return (
    <div className="space-y-2">
      {actions.length === 0 ? (
        <p className="text-sm text-sumi-700">{t('staffOrders.noActions')}</p>
      ) : confirmingCancel ? (
        <section aria-label={t('staffOrders.cancel')} className="rounded-lg border border-shu-600/40 bg-white p-4">
          <p className="text-sm">{t('staffOrders.cancelConfirm', { number: order.number })}</p>
          <div className="mt-3 flex gap-3">
            <button type="button" className="btn-primary" disabled={change.isPending} onClick={() => run('cancel')}>
              {t('staffOrders.cancelYes')}
            </button>
            <button type="button" className="btn-secondary" onClick={() => setConfirmingCancel(false)}>
              {t('staffOrders.cancelNo')}
            </button>
          </div>
        </section>
      ) : (
        <div className="flex flex-wrap gap-3">
          {actions.map((action) =>
            action === 'cancel' ? (
              <button key={action} type="button" className="btn-secondary" onClick={() => setConfirmingCancel(true)}>
                {t('staffOrders.cancel')}
              </button>
            ) : (
              <button
                key={action}
                type="button"
                className="btn-primary"
                disabled={change.isPending}
                onClick={() => run(action)}
              >
                {t(`staffOrders.${action}`)}
              </button>
            ),
          )}
        </div>
      )}
      <p role="status" aria-live="polite" className="text-sm font-medium text-matsu-800">
        {done ? t(`staffOrders.done.${done}`, { number: order.number }) : ''}
      </p>
      {error && (
        <p role="alert" className="text-sm text-shu-700">
          {error}
        </p>
      )}
    </div>
  );
}
