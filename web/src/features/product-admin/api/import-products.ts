import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiErrorOf } from '@/lib/api/api-error';
import type { Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';
import { postWithProgress } from '@/lib/api/upload';
import { auth } from '@/lib/auth/auth';

export type ImportReport = Schemas['ImportReport'];
export type ImportMode = ImportReport['mode'];

/**
 * Uploads the CSV as the request body, with progress; the server then
 * validates and writes in one go (seconds for thousands of rows) and answers
 * with the report.
 */
export async function importProducts(
  file: File,
  mode: ImportMode,
  onProgress: (fraction: number) => void,
): Promise<ImportReport> {
  const token = await auth.getAccessToken();
  const report = await postWithProgress({
    url: `/api/staff/products/import?mode=${encodeURIComponent(mode)}`,
    body: file,
    headers: { 'Content-Type': 'text/csv', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    onProgress,
  });
  // trusted as the typed client trusts the API's answers: the schema is the server's own
  return report as ImportReport;
}

export function useImportProducts(onProgress: (fraction: number) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mode }: { file: File; mode: ImportMode }) => importProducts(file, mode, onProgress),
    // an import creates and changes products, their opening stock and the categories' counts
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.staffProducts.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.stock.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.staffCategories.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.products.all }),
      ]),
  });
}

/** The export is a plain download; it needs the bearer token, so it is fetched and handed to the browser. */
export async function downloadProductsCsv(): Promise<void> {
  const token = await auth.getAccessToken();
  const response = await fetch('/api/staff/products/export.csv', {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw apiErrorOf(response.status, body, { requestId: response.headers.get('x-request-id') ?? undefined });
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'products.csv';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}
