import type { TFunction } from 'i18next';
import { errorMessage } from '@/lib/api/error-messages';
import { maxLineQuantity } from './guest-cart';

/** How a refused add-to-cart is told, on the product page and on a product card alike. */
export function addToCartError(error: unknown, t: TFunction): string {
  return errorMessage(
    error,
    t,
    {
      PRODUCT_UNAVAILABLE: 'cart.errors.unavailable',
      // The one input a customer controls is the quantity: a 400 is a line past the cap.
      VALIDATION_FAILED: 'cart.errors.tooMany',
      NETWORK: 'cart.errors.failed',
      INTERNAL: 'cart.errors.failed',
    },
    { max: maxLineQuantity },
  );
}
