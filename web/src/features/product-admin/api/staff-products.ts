import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';
import type { paths } from '@/lib/api/schema';

export type StaffProduct = Schemas['StaffProduct'];
export type StaffProductSummary = Schemas['StaffProductSummary'];
export type NewProduct = Schemas['CreateProduct'];
export type ProductChanges = Schemas['UpdateProduct'];
export type ProductQuery = Omit<NonNullable<paths['/api/staff/products']['get']['parameters']['query']>, 'limit'>;
export type ProductSort = NonNullable<ProductQuery['sort']>;
export type TaxClass = StaffProduct['taxClass'];

export const productSorts: readonly ProductSort[] = ['newest', 'updated', 'name', 'sku', 'price_asc', 'price_desc'];
export const taxClasses: readonly TaxClass[] = ['standard', 'reduced'];
export const productsPageSize = 25;

export function staffProductsQueryOptions(query: ProductQuery) {
  return queryOptions({
    queryKey: queryKeys.staffProducts.list(query),
    queryFn: async ({ signal }) =>
      unwrap(
        await apiClient.GET('/api/staff/products', {
          params: { query: { ...query, limit: productsPageSize } },
          signal,
        }),
      ),
    staleTime: 5_000,
  });
}

export function useStaffProducts(query: ProductQuery) {
  return useQuery({ ...staffProductsQueryOptions(query), placeholderData: keepPreviousData });
}

export function staffProductQueryOptions(id: string) {
  return queryOptions({
    queryKey: queryKeys.staffProducts.detail(id),
    queryFn: async ({ signal }) =>
      unwrap(await apiClient.GET('/api/staff/products/{id}', { params: { path: { id } }, signal })),
  });
}

export function useStaffProduct(id: string | undefined) {
  return useQuery({ ...staffProductQueryOptions(id ?? ''), enabled: id !== undefined });
}

export function useCreateProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewProduct) => unwrap(await apiClient.POST('/api/staff/products', { body })),
    onSuccess: (product) => {
      queryClient.setQueryData(queryKeys.staffProducts.detail(product.id), product);
      void queryClient.invalidateQueries({ queryKey: queryKeys.staffProducts.lists });
    },
  });
}

/** A change guarded by the version the editor loaded: someone else's save in between answers 412. */
export function useUpdateProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, changes }: { id: string; version: number; changes: ProductChanges }) =>
      unwrap(
        await apiClient.PATCH('/api/staff/products/{id}', {
          params: { path: { id }, header: { 'if-match': `"${version}"` } },
          body: changes,
        }),
      ),
    onSuccess: (product) => {
      queryClient.setQueryData(queryKeys.staffProducts.detail(product.id), product);
      void queryClient.invalidateQueries({ queryKey: queryKeys.staffProducts.lists });
    },
  });
}

export function useSetProductsActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ ids, active }: { ids: string[]; active: boolean }) =>
      unwrap(
        await apiClient.POST(active ? '/api/staff/products/restore' : '/api/staff/products/archive', {
          body: { ids },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.staffProducts.all }),
  });
}
