import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export type StaffCategory = Schemas['StaffCategory'];
export type NewCategory = Schemas['CreateCategory'];
export type CategoryChanges = Schemas['UpdateCategory'];

export function staffCategoriesQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.staffCategories.all,
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/staff/categories', { signal })).items,
    staleTime: 10_000,
  });
}

export function useStaffCategories() {
  return useQuery(staffCategoriesQueryOptions());
}

/**
 * Every category write changes the list and the storefront's, and the
 * category names both product lists show; each refetches them when done.
 */
function useCategoryMutation<V>(write: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.staffCategories.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.categories.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.staffProducts.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.products.all }),
      ]),
  });
}

export const useCreateCategory = () =>
  useCategoryMutation(async (body: NewCategory) => unwrap(await apiClient.POST('/api/staff/categories', { body })));

export const useUpdateCategory = () =>
  useCategoryMutation(async ({ id, changes }: { id: string; changes: CategoryChanges }) =>
    unwrap(await apiClient.PATCH('/api/staff/categories/{id}', { params: { path: { id } }, body: changes })),
  );

export const useReorderCategories = () =>
  useCategoryMutation(async (ids: string[]) =>
    unwrap(await apiClient.PUT('/api/staff/categories/order', { body: { ids } })),
  );

export const useDeleteCategory = () =>
  useCategoryMutation(async (id: string) =>
    unwrap(await apiClient.DELETE('/api/staff/categories/{id}', { params: { path: { id } } })),
  );
