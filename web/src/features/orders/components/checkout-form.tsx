import { type FormEvent, type ReactNode, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '@/lib/api/api-error';
import { formatDateTime } from '@/lib/format/date-time';
import { type Order, type PlaceOrderBody, usePlaceOrder } from '../api/place-order';
import {
  type AddressField,
  checkoutFieldErrors,
  type DeliverySlot,
  deliveryDates,
  deliverySlotLabels,
  deliverySlots,
  prefectures,
  type ShippingAddress,
} from '../checkout-options';
import { afterFailure, type Submission, submissionFor } from '../idempotent-submission';

type AddressDraft = Omit<ShippingAddress, 'prefecture'> & { prefecture: ShippingAddress['prefecture'] | '' };

const emptyAddress: AddressDraft = {
  postalCode: '',
  prefecture: '',
  city: '',
  line1: '',
  line2: '',
  name: '',
  phone: '',
};

/**
 * The checkout form: shipping address, delivery date and window, payment
 * (cash on delivery, the only method). The server checks every field; its
 * 400 details are shown at the fields they name. Each submission carries
 * an Idempotency-Key that is kept for a retry of the same order.
 */
export function CheckoutForm({ disabled, onPlaced }: { disabled: boolean; onPlaced: (order: Order) => void }) {
  const { t, i18n } = useTranslation();
  const place = usePlaceOrder();
  const dates = useMemo(() => deliveryDates(new Date()), []);
  const [address, setAddress] = useState<AddressDraft>(emptyAddress);
  const [date, setDate] = useState(dates[0] ?? '');
  const [slot, setSlot] = useState<DeliverySlot>('午前中');
  const pending = useRef<Submission | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const errorId = useId();

  const fieldErrors = place.error instanceof ApiError ? checkoutFieldErrors(place.error.details) : {};
  const fieldError = (path: string): string | undefined => {
    const error = fieldErrors[path];
    if (!error) return undefined;
    return 'key' in error ? t(error.key) : error.text;
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (place.isPending) return;
    // The server validates every field; the prefecture is sent as chosen, even when it is empty.
    const body = {
      shippingAddress: address,
      delivery: { date, slot },
      paymentMethod: 'cash_on_delivery',
    } as PlaceOrderBody;
    const submission = submissionFor(pending.current, body, () => crypto.randomUUID());
    pending.current = submission;
    place.mutate(
      { body, idempotencyKey: submission.key },
      {
        onSuccess: (order) => {
          pending.current = null;
          onPlaced(order);
        },
        onError: (error) => {
          pending.current = afterFailure(submission, error);
          // focus the first field the server named, or the form's message
          requestAnimationFrame(() => {
            const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
            (invalid ?? document.getElementById(errorId))?.focus();
          });
        },
      },
    );
  }

  const formError = place.isError ? formErrorText(place.error, t) : null;

  const text = (field: Exclude<AddressField, 'prefecture'>, options: { autoComplete: string; hint?: string }) => (
    <Field
      label={t(`checkout.${field}`)}
      optional={field === 'line2'}
      error={fieldError(`shippingAddress.${field}`)}
      hint={options.hint}
    >
      {(props) => (
        <input
          {...props}
          name={field}
          autoComplete={options.autoComplete}
          value={address[field]}
          onChange={(event) => setAddress((draft) => ({ ...draft, [field]: event.target.value }))}
          className="w-full rounded border border-washi-300 bg-white px-2 py-1.5"
        />
      )}
    </Field>
  );

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-6" aria-busy={place.isPending}>
      <fieldset className="space-y-3 rounded-lg border border-washi-300 bg-white p-4">
        <legend className="px-1 font-serif text-lg font-semibold">{t('checkout.addressTitle')}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {text('postalCode', { autoComplete: 'postal-code', hint: t('checkout.postalCodeHint') })}
          <Field label={t('checkout.prefecture')} error={fieldError('shippingAddress.prefecture')}>
            {(props) => (
              <select
                {...props}
                name="prefecture"
                autoComplete="address-level1"
                value={address.prefecture}
                onChange={(event) =>
                  setAddress((draft) => ({ ...draft, prefecture: event.target.value as AddressDraft['prefecture'] }))
                }
                className="w-full rounded border border-washi-300 bg-white px-2 py-1.5"
              >
                <option value="">{t('checkout.choosePrefecture')}</option>
                {prefectures.map((prefecture) => (
                  <option key={prefecture} value={prefecture}>
                    {prefecture}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text('city', { autoComplete: 'address-level2' })}
          {text('line1', { autoComplete: 'address-line1' })}
          {text('line2', { autoComplete: 'address-line2' })}
          {text('name', { autoComplete: 'name' })}
          {text('phone', { autoComplete: 'tel', hint: t('checkout.phoneHint') })}
        </div>
      </fieldset>

      <fieldset className="space-y-3 rounded-lg border border-washi-300 bg-white p-4">
        <legend className="px-1 font-serif text-lg font-semibold">{t('checkout.deliveryTitle')}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t('checkout.date')} error={fieldError('delivery.date')}>
            {(props) => (
              <select
                {...props}
                name="deliveryDate"
                value={date}
                onChange={(event) => setDate(event.target.value)}
                className="w-full rounded border border-washi-300 bg-white px-2 py-1.5"
              >
                {dates.map((day) => (
                  <option key={day} value={day}>
                    {formatDateTime(`${day}T12:00:00+09:00`, i18n.language, 'date')}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('checkout.slot')} error={fieldError('delivery.slot')}>
            {(props) => (
              <select
                {...props}
                name="deliverySlot"
                value={slot}
                onChange={(event) => setSlot(event.target.value as DeliverySlot)}
                className="w-full rounded border border-washi-300 bg-white px-2 py-1.5"
              >
                {deliverySlots.map((value) => (
                  <option key={value} value={value}>
                    {t(deliverySlotLabels[value])}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </fieldset>

      <section className="rounded-lg border border-washi-300 bg-white p-4">
        <h2 className="font-serif text-lg font-semibold">{t('checkout.paymentTitle')}</h2>
        <p className="mt-2 font-medium">{t('checkout.cashOnDelivery')}</p>
        <p className="text-sm text-sumi-700">{t('checkout.cashOnDeliveryNote')}</p>
      </section>

      {formError && (
        <div id={errorId} role="alert" tabIndex={-1} className="rounded border border-shu-600/40 bg-white p-3 text-sm">
          <p className="text-shu-700">{formError}</p>
          {place.error instanceof ApiError && place.error.code === 'ORDER_NOT_PLACEABLE' && (
            <Link to="/cart" className="mt-1 inline-block underline underline-offset-4">
              {t('checkout.backToCart')}
            </Link>
          )}
          {place.error instanceof ApiError && place.error.code === 'IDEMPOTENCY_KEY_REUSED' && (
            <Link to="/orders" className="mt-1 inline-block underline underline-offset-4">
              {t('nav.orders')}
            </Link>
          )}
        </div>
      )}
      <div className="flex items-center justify-end gap-3">
        {place.isPending && (
          <p role="status" className="text-sm text-sumi-700">
            {t('checkout.placing')}
          </p>
        )}
        <button type="submit" className="btn-primary" disabled={disabled || place.isPending}>
          {t('checkout.placeOrder')}
        </button>
      </div>
    </form>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

function formErrorText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('checkout.errors.failed');
  switch (error.code) {
    case 'VALIDATION_FAILED':
      return t('checkout.errors.fix');
    case 'ORDER_NOT_PLACEABLE':
      return t('checkout.errors.notPlaceable');
    case 'IDEMPOTENCY_KEY_IN_USE':
      return t('checkout.errors.inUse');
    case 'IDEMPOTENCY_KEY_REUSED':
      return t('checkout.errors.reused');
    default:
      return t('checkout.errors.failed');
  }
}

type ControlProps = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

/** A labelled control with its hint and the server's complaint about it. */
function Field({
  label,
  optional = false,
  hint,
  error,
  children,
}: {
  label: string;
  optional?: boolean;
  hint?: string | undefined;
  error: string | undefined;
  children: (props: ControlProps) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
        {optional && <span className="ml-1 text-sumi-500">({t('common.optional')})</span>}
      </label>
      {children({
        id,
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {hint && (
        <p id={hintId} className="text-xs text-sumi-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-sm text-shu-700">
          {error}
        </p>
      )}
    </div>
  );
}
