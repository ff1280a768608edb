import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/api-error';
import { errorMessage } from '@/lib/api/error-messages';
import { type StaffReason, staffReasons, useAdjustStock } from '../api/adjust-stock';

const outgoing = new Set<StaffReason>(['damaged', 'lost']);

/**
 * Records a change of on hand. One Idempotency-Key per adjustment, kept until
 * it succeeds, so pressing Save again after a network failure applies it once.
 */
export function AdjustmentForm({ sku, available }: { sku: string; available: number }) {
  const { t } = useTranslation();
  const adjust = useAdjustStock();
  const [quantity, setQuantity] = useState('');
  const [reason, setReason] = useState<StaffReason>('received');
  const [note, setNote] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const ids = { quantity: useId(), reason: useId(), note: useId(), error: useId() };

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const amount = Number(quantity);
    if (quantity.trim() === '' || !Number.isInteger(amount) || amount === 0) {
      setFieldError(t('stock.adjust.quantityInvalid'));
      return;
    }
    if (reason !== 'count_correction' && amount < 0) {
      setFieldError(t('stock.adjust.quantityPositive'));
      return;
    }
    setFieldError(null);
    const delta = outgoing.has(reason) ? -amount : amount;
    adjust.mutate(
      { sku, idempotencyKey: key, body: { delta, reason, ...(note.trim() ? { note: note.trim() } : {}) } },
      {
        onSuccess: (result) => {
          setSaved(
            t('stock.adjust.saved', { delta: delta > 0 ? `+${delta}` : delta, available: result.stock.available }),
          );
          setQuantity('');
          setNote('');
          setKey(crypto.randomUUID());
        },
        onError: (error) => {
          // A refusal wrote nothing: the next attempt is a new adjustment.
          if (error instanceof ApiError && error.status < 500) setKey(crypto.randomUUID());
        },
      },
    );
  }

  const serverError = adjust.isError
    ? errorMessage(
        adjust.error,
        t,
        { INSUFFICIENT_STOCK: 'stock.adjust.insufficient', VALIDATION_FAILED: 'stock.adjust.invalid' },
        { available },
      )
    : null;
  const error = fieldError ?? serverError;

  return (
    <section aria-labelledby="adjust-heading" className="rounded-lg border border-washi-300 bg-white p-4">
      <h2 id="adjust-heading" className="font-serif text-lg font-semibold">
        {t('stock.adjust.title')}
      </h2>
      <form onSubmit={submit} noValidate className="mt-3 flex flex-wrap items-end gap-3">
        <div className="flex flex-col">
          <label htmlFor={ids.reason} className="text-sm font-medium">
            {t('stock.adjust.reason')}
          </label>
          <select
            id={ids.reason}
            value={reason}
            onChange={(e) => setReason(e.target.value as StaffReason)}
            className="rounded border border-washi-300 bg-white px-2 py-1.5"
          >
            {staffReasons.map((r) => (
              <option key={r} value={r}>
                {t(`stock.reasons.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col">
          <label htmlFor={ids.quantity} className="text-sm font-medium">
            {reason === 'count_correction' ? t('stock.adjust.change') : t('stock.adjust.quantity')}
          </label>
          <input
            id={ids.quantity}
            inputMode="numeric"
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? ids.error : undefined}
            className="w-28 rounded border border-washi-300 px-2 py-1.5 text-right tabular-nums"
          />
        </div>
        <div className="flex grow flex-col">
          <label htmlFor={ids.note} className="text-sm font-medium">
            {t('stock.adjust.note')} <span className="text-sumi-500">({t('common.optional')})</span>
          </label>
          <input
            id={ids.note}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            className="min-w-48 rounded border border-washi-300 px-2 py-1.5"
          />
        </div>
        <button type="submit" className="btn-primary" disabled={adjust.isPending}>
          {t('common.save')}
        </button>
      </form>
      <p className="mt-2 text-xs text-sumi-600">{t(`stock.adjust.hint.${reason}`)}</p>
      {error && (
        <p id={ids.error} role="alert" className="mt-3 text-sm text-shu-700">
          {error}
        </p>
      )}
      {saved && !error && (
        <p role="status" className="mt-3 text-sm text-matsu-800">
          {saved}
        </p>
      )}
    </section>
  );
}
