import type { Schemas } from '@/lib/api/client';
export type DeliverySlot = Schemas['Delivery']['slot'];

/** The delivery windows the server accepts, each with its label key (a Record: none can be missing). */
export const deliverySlotLabels: Record<DeliverySlot, string> = {
  午前中: 'checkout.slots.morning',
  '14-16': 'checkout.slots.14-16',
  '16-18': 'checkout.slots.16-18',
  '18-20': 'checkout.slots.18-20',
  '19-21': 'checkout.slots.19-21',
};
export const deliverySlots = Object.keys(deliverySlotLabels) as DeliverySlot[];

/** The server delivers from tomorrow to 14 days ahead, counted in Tokyo (it refuses other dates). */
const deliveryDaysAhead = 14;

/** Tomorrow to 14 days ahead as YYYY-MM-DD dates in Asia/Tokyo, whatever the browser's zone. */
export function deliveryDates(now: Date): string[] {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(now);
  const start = new Date(`${today}T00:00:00Z`);
  return Array.from({ length: deliveryDaysAhead }, (_, i) => {
    const day = new Date(start);
    day.setUTCDate(day.getUTCDate() + i + 1);
    return day.toISOString().slice(0, 10);
  });
}

/** The form's fields, named as the server names them in its error details (`shippingAddress.postalCode`). */
const addressFields = ['postalCode', 'prefecture', 'city', 'line1', 'line2', 'name', 'phone'] as const;
export type AddressField = (typeof addressFields)[number];

/**
 * The checkout's own wording for the server's 400 details (`fieldErrors`
 * options): some fields by path, and the address's empty and too-long values.
 */
export const checkoutErrorWording = {
  byPath: {
    'shippingAddress.postalCode': 'checkout.errors.postalCode',
    'shippingAddress.phone': 'checkout.errors.phone',
    'shippingAddress.prefecture': 'checkout.errors.prefecture',
    'delivery.date': 'checkout.errors.date',
    'delivery.slot': 'checkout.errors.slot',
  },
  byCode: {
    too_small: 'checkout.errors.required',
    invalid_type: 'checkout.errors.required',
    too_big: 'checkout.errors.tooLong',
  },
} as const;

/** The form-level message per code; an outcome the shopper cannot know says that no order is made twice. */
export const checkoutFormWording = {
  VALIDATION_FAILED: 'checkout.errors.fix',
  ORDER_NOT_PLACEABLE: 'checkout.errors.notPlaceable',
  IDEMPOTENCY_KEY_IN_USE: 'checkout.errors.inUse',
  IDEMPOTENCY_KEY_REUSED: 'checkout.errors.reused',
  INTERNAL: 'checkout.errors.failed',
  SERVICE_UNAVAILABLE: 'checkout.errors.failed',
  NETWORK: 'checkout.errors.failed',
  UNEXPECTED_RESPONSE: 'checkout.errors.failed',
} as const;
