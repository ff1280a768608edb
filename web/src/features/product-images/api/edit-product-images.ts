import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export async function reorderProductImages(productId: string, imageIds: string[]) {
  return unwrap(
    await apiClient.PUT('/api/staff/products/{id}/images/order', {
      params: { path: { id: productId } },
      body: { imageIds },
    }),
  );
}

/** Reorders with the full id list; the list shows the new order at once and the server's answer after. */
export function useReorderProductImages(productId: string) {
  const queryClient = useQueryClient();
  const queryKey = queryKeys.staffProducts.images(productId);
  return useMutation({
    mutationFn: (imageIds: string[]) => reorderProductImages(productId, imageIds),
    onSuccess: (data) => queryClient.setQueryData(queryKey, data),
    onError: () => queryClient.invalidateQueries({ queryKey }),
  });
}

export async function updateProductImageAlt(
  productId: string,
  imageId: string,
  alt: { altJa?: string; altEn?: string },
) {
  return unwrap(
    await apiClient.PATCH('/api/staff/products/{id}/images/{imageId}', {
      params: { path: { id: productId, imageId } },
      body: alt,
    }),
  );
}

export function useUpdateProductImageAlt(productId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { imageId: string; altJa?: string; altEn?: string }) =>
      updateProductImageAlt(productId, input.imageId, { altJa: input.altJa, altEn: input.altEn }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.staffProducts.images(productId) }),
  });
}

export async function deleteProductImage(productId: string, imageId: string) {
  return unwrap(
    await apiClient.DELETE('/api/staff/products/{id}/images/{imageId}', {
      params: { path: { id: productId, imageId } },
    }),
  );
}

export function useDeleteProductImage(productId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (imageId: string) => deleteProductImage(productId, imageId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.staffProducts.images(productId) }),
  });
}
