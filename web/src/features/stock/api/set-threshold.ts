import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export async function setThreshold(input: { sku: string; threshold: number }) {
  return unwrap(
    await apiClient.PUT('/api/staff/stock/{sku}/threshold', {
      params: { path: { sku: input.sku } },
      body: { threshold: input.threshold },
    }),
  );
}

export function useSetThreshold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setThreshold,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.stock.all });
    },
  });
}
