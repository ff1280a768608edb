import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';
import { outcomeUnknown } from '../idempotent-submission';

export type PlaceOrderBody = Schemas['PlaceOrder'];
export type Order = Schemas['Order'];

export async function placeOrder(input: { body: PlaceOrderBody; idempotencyKey: string }) {
  return unwrap(
    await apiClient.POST('/api/orders', {
      params: { header: { 'idempotency-key': input.idempotencyKey } },
      body: input.body,
    }),
  );
}

/**
 * Places the order. A failure whose outcome is unknown (network, 5xx, the
 * same key still in flight) is retried with the same key: the server then
 * answers with the order it made, never a second one.
 */
export function usePlaceOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: placeOrder,
    retry: (failureCount, error) => failureCount < 3 && outcomeUnknown(error),
    retryDelay: (attempt) => 500 * 2 ** attempt,
    onSuccess: (order) => {
      queryClient.setQueryData(queryKeys.orders.detail(order.id), order);
      void queryClient.invalidateQueries({ queryKey: queryKeys.orders.all });
    },
  });
}
