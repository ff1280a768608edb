import { queryOptions, useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';
import { useAuth } from '@/lib/auth/use-auth';

export type Cart = Schemas['Cart'];

export async function getCart(signal?: AbortSignal) {
  return unwrap(await apiClient.GET('/api/cart', { signal }));
}

export function cartQueryOptions(enabled: boolean) {
  return queryOptions({
    queryKey: queryKeys.cart,
    queryFn: ({ signal }) => getCart(signal),
    // prices and stock change under a cart: look again whenever the page shows it
    staleTime: 0,
    enabled,
  });
}

/** The signed-in user's cart, as the server prices it; idle for a guest. */
export function useServerCart() {
  const { status } = useAuth();
  return useQuery(cartQueryOptions(status === 'signedIn'));
}
