import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api/api-error';
import type { Schemas } from '@/lib/api/client';
import { auth } from '@/lib/auth/auth';

export type ImportReport = Schemas['ImportReport'];
export type ImportMode = ImportReport['mode'];

/**
 * Uploads the CSV as the request body. XMLHttpRequest rather than fetch,
 * because only it reports upload progress; the server then validates and
 * writes in one go (seconds for thousands of rows) and answers with the report.
 */
export async function importProducts(
  file: File,
  mode: ImportMode,
  onProgress: (fraction: number) => void,
): Promise<ImportReport> {
  const token = await auth.getAccessToken();
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/staff/products/import?mode=${encodeURIComponent(mode)}`);
    request.setRequestHeader('Content-Type', 'text/csv');
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.upload.onload = () => onProgress(1);
    request.onerror = () => reject(new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'Network error' }));
    request.onload = () => {
      const body: unknown = request.response;
      if (request.status === 200) return resolve(body as ImportReport);
      const error = (body as { error?: { code?: string; message?: string; details?: ApiError['details'] } } | null)
        ?.error;
      reject(
        new ApiError({
          status: request.status,
          code: error?.code ?? 'UNEXPECTED_RESPONSE',
          message: error?.message ?? `Unexpected response ${request.status}`,
          ...(error?.details ? { details: error.details } : {}),
        }),
      );
    };
    request.send(file);
  });
}

export function useImportProducts(onProgress: (fraction: number) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mode }: { file: File; mode: ImportMode }) => importProducts(file, mode, onProgress),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['staff'] }),
  });
}

/** The export is a plain download; it needs the bearer token, so it is fetched and handed to the browser. */
export async function downloadProductsCsv(): Promise<void> {
  const token = await auth.getAccessToken();
  const response = await fetch('/api/staff/products/export.csv', {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) throw new ApiError({ status: response.status, code: 'EXPORT_FAILED', message: 'Export failed' });
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'products.csv';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}
