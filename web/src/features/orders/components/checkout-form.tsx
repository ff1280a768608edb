import { type FormEvent, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SelectField, TextField } from '@/components/field';
import { hasCode } from '@/lib/api/api-error';
import { errorMessage, fieldErrors } from '@/lib/api/error-messages';
import { prefectureName, prefectures, type ShippingAddress } from '@/lib/format/address';
import { formatDateTime } from '@/lib/format/date-time';
import { type Order, type PlaceOrderBody, usePlaceOrder } from '../api/place-order';
import {
  type AddressField,
  checkoutErrorWording,
  checkoutFormWording,
  type DeliverySlot,
  deliveryDates,
  deliverySlotLabels,
  deliverySlots,
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
  // Fields changed since the last refusal: their messages go as soon as the shopper acts on them.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const edit = (path: string) => setEdited((paths) => (paths.has(path) ? paths : new Set(paths).add(path)));

  const serverErrors = fieldErrors(place.error, t, checkoutErrorWording);
  const errors = Object.fromEntries(Object.entries(serverErrors).filter(([path]) => !edited.has(path)));
  const fixedEveryField = Object.keys(errors).length === 0 && Object.keys(serverErrors).length > 0;

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
    setEdited(new Set());
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

  // the "fix the fields below" summary goes with the last field message
  const formError =
    place.isError && !(hasCode(place.error, 'VALIDATION_FAILED') && fixedEveryField)
      ? errorMessage(place.error, t, checkoutFormWording)
      : null;

  const text = (field: Exclude<AddressField, 'prefecture'>, options: { autoComplete: string; hint?: string }) => (
    <TextField
      label={t(`checkout.${field}`)}
      optional={field === 'line2'}
      error={errors[`shippingAddress.${field}`]}
      hint={options.hint}
      name={field}
      autoComplete={options.autoComplete}
      value={address[field]}
      onChange={(value) => {
        edit(`shippingAddress.${field}`);
        setAddress((draft) => ({ ...draft, [field]: value }));
      }}
    />
  );

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-6" aria-busy={place.isPending}>
      <fieldset className="space-y-3 rounded-lg border border-washi-300 bg-white p-4">
        <legend className="px-1 font-serif text-lg font-semibold">{t('checkout.addressTitle')}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {text('postalCode', { autoComplete: 'postal-code', hint: t('checkout.postalCodeHint') })}
          <SelectField
            label={t('checkout.prefecture')}
            error={errors['shippingAddress.prefecture']}
            name="prefecture"
            autoComplete="address-level1"
            placeholder={t('checkout.choosePrefecture')}
            value={address.prefecture}
            options={prefectures.map((prefecture) => ({
              value: prefecture,
              label: prefectureName(prefecture, i18n.language),
            }))}
            onChange={(prefecture) => {
              edit('shippingAddress.prefecture');
              setAddress((draft) => ({ ...draft, prefecture }));
            }}
          />
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
          <SelectField
            label={t('checkout.date')}
            error={errors['delivery.date']}
            name="deliveryDate"
            value={date}
            options={dates.map((day) => ({
              value: day,
              label: formatDateTime(`${day}T12:00:00+09:00`, i18n.language, 'date'),
            }))}
            onChange={(day) => {
              edit('delivery.date');
              setDate(day);
            }}
          />
          <SelectField
            label={t('checkout.slot')}
            error={errors['delivery.slot']}
            name="deliverySlot"
            value={slot}
            options={deliverySlots.map((value) => ({ value, label: t(deliverySlotLabels[value]) }))}
            onChange={(value) => {
              edit('delivery.slot');
              setSlot(value);
            }}
          />
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
          {hasCode(place.error, 'ORDER_NOT_PLACEABLE') && (
            <Link to="/cart" className="mt-1 inline-block underline underline-offset-4">
              {t('checkout.backToCart')}
            </Link>
          )}
          {hasCode(place.error, 'IDEMPOTENCY_KEY_REUSED') && (
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
