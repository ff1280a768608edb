import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { unwrap } from '@/lib/api/api-error';
import { apiClient } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';
import { useAuth } from '@/lib/auth/use-auth';
import { guestCart } from '../guest-cart';
import type { Cart } from './get-cart';

export async function addCartLine(input: { productId: string; quantity: number }) {
  return unwrap(await apiClient.POST('/api/cart/lines', { body: input }));
}

export async function setCartLine(input: { productId: string; quantity: number }) {
  return unwrap(
    await apiClient.PUT('/api/cart/lines/{productId}', {
      params: { path: { productId: input.productId } },
      body: { quantity: input.quantity },
    }),
  );
}

export async function removeCartLine(input: { productId: string }) {
  return unwrap(
    await apiClient.DELETE('/api/cart/lines/{productId}', { params: { path: { productId: input.productId } } }),
  );
}

type Change =
  | { kind: 'add'; productId: string; quantity: number }
  | { kind: 'set'; productId: string; quantity: number }
  | { kind: 'remove'; productId: string };

async function changeServerCart(change: Change): Promise<Cart> {
  if (change.kind === 'add') return addCartLine(change);
  if (change.kind === 'set') return setCartLine(change);
  return removeCartLine(change);
}

function changeGuestCart(change: Change): void {
  if (change.kind === 'add') guestCart.add(change.productId, change.quantity);
  else if (change.kind === 'set') guestCart.set(change.productId, change.quantity);
  else guestCart.remove(change.productId);
}

/**
 * Changes the cart wherever it lives: the server's for a signed-in user (each
 * answer is the whole cart, put straight into the cache), the browser's for a
 * guest.
 */
export function useChangeCart() {
  const { status } = useAuth();
  const queryClient = useQueryClient();
  const signedIn = status === 'signedIn';
  return useMutation({
    mutationFn: async (change: Change): Promise<Cart | null> => {
      if (!signedIn) {
        changeGuestCart(change);
        return null;
      }
      return changeServerCart(change);
    },
    onSuccess: (cart) => {
      if (cart) queryClient.setQueryData(queryKeys.cart, cart);
    },
  });
}

/** The guest cart's lines (empty once merged on sign-in). */
export function useGuestCartLines() {
  return useSyncExternalStore(guestCart.subscribe, guestCart.getSnapshot, guestCart.getSnapshot);
}
