import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export async function cancelOrder(id: string) {
  return unwrap(await apiClient.POST('/api/orders/{id}/cancel', { params: { path: { id } } }));
}

export function useCancelOrder(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => cancelOrder(id),
    onSuccess: (order) => {
      queryClient.setQueryData(queryKeys.orders.detail(id), order);
      void queryClient.invalidateQueries({ queryKey: queryKeys.orders.all });
    },
    // refused (it shipped meanwhile, say): show the order as it is now
    onError: () => void queryClient.invalidateQueries({ queryKey: queryKeys.orders.detail(id) }),
  });
}
