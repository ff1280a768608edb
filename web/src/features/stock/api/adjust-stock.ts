import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export type StockAdjustment = Schemas['StockAdjustment'];
export type StaffReason = StockAdjustment['reason'];
export const staffReasons: readonly StaffReason[] = ['received', 'returned', 'damaged', 'lost', 'count_correction'];

/**
 * The key makes a retried POST (a flaky network, a double click) apply once:
 * the form keeps one key per adjustment until it succeeds.
 */
export async function adjustStock(input: { sku: string; body: StockAdjustment; idempotencyKey: string }) {
  return unwrap(
    await apiClient.POST('/api/staff/stock/{sku}/adjustments', {
      params: { path: { sku: input.sku }, header: { 'idempotency-key': input.idempotencyKey } },
      body: input.body,
    }),
  );
}

export function useAdjustStock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: adjustStock,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.stock.all });
    },
  });
}
