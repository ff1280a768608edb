import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError, unwrap } from '@/lib/api/api-error';
import { apiClient } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';
import { useAuth } from '@/lib/auth/use-auth';
import { type GuestCartLine, guestCart } from '../guest-cart';
import type { Cart } from './get-cart';

export async function mergeCart(lines: readonly GuestCartLine[]) {
  return unwrap(await apiClient.POST('/api/cart/merge', { body: { lines: [...lines] } }));
}

let inFlight: Promise<Cart | null> | null = null;

/**
 * Moves the guest cart into the user's cart and empties it here. Once at a
 * time (React may run an effect twice); a failure that may pass (network,
 * 5xx) keeps the lines for the next try, a refusal drops them so they cannot
 * block every later sign-in.
 */
export function mergeGuestCart(): Promise<Cart | null> {
  const lines = guestCart.getSnapshot();
  if (lines.length === 0) return Promise.resolve(null);
  inFlight ??= mergeCart(lines)
    .then((cart) => {
      guestCart.clear();
      return cart;
    })
    .catch((error: unknown) => {
      if (error instanceof ApiError && !error.isRetryable) guestCart.clear();
      console.error('The guest cart could not be merged:', error);
      return null;
    })
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

/** On sign-in (and while signed in, if lines appear from another tab), merges the guest cart. */
export function useMergeGuestCartOnSignIn(guestLineCount: number) {
  const { status } = useAuth();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (status !== 'signedIn' || guestLineCount === 0) return;
    void mergeGuestCart().then((cart) => {
      if (cart) queryClient.setQueryData(queryKeys.cart, cart);
    });
  }, [status, guestLineCount, queryClient]);
}
