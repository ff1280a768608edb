import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';
import { type ProductFilters, type ProductListApiQuery, toProductListQuery } from '../search-params';

export const productPageSize = 24;

export async function getProducts(query: ProductListApiQuery, signal?: AbortSignal) {
  return unwrap(await apiClient.GET('/api/products', { params: { query }, signal }));
}

/** One page, e.g. "new arrivals" on the home page. */
export function productsQueryOptions(query: ProductListApiQuery) {
  return queryOptions({
    queryKey: queryKeys.products.page(query),
    queryFn: ({ signal }) => getProducts(query, signal),
  });
}

/** The paged list behind "load more": each page follows the previous page's cursor. */
export function productListInfiniteQueryOptions(filters: ProductFilters) {
  return infiniteQueryOptions({
    queryKey: queryKeys.products.list(toProductListQuery(filters)),
    queryFn: ({ pageParam, signal }) =>
      getProducts(toProductListQuery(filters, { cursor: pageParam, limit: productPageSize }), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useProducts(query: ProductListApiQuery) {
  return useQuery(productsQueryOptions(query));
}

export function useProductList(filters: ProductFilters) {
  return useInfiniteQuery({
    ...productListInfiniteQueryOptions(filters),
    // keep showing the old results while a new filter loads, instead of flashing skeletons
    placeholderData: keepPreviousData,
  });
}
