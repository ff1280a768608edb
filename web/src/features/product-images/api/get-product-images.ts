import { queryOptions, useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export type StaffProductImage = Schemas['StaffProductImage'];

export async function getProductImages(productId: string, signal?: AbortSignal) {
  return unwrap(
    await apiClient.GET('/api/staff/products/{id}/images', { params: { path: { id: productId } }, signal }),
  );
}

export function productImagesQueryOptions(productId: string) {
  return queryOptions({
    queryKey: queryKeys.staffProducts.images(productId),
    queryFn: ({ signal }) => getProductImages(productId, signal),
  });
}

export function useProductImages(productId: string) {
  return useQuery(productImagesQueryOptions(productId));
}
