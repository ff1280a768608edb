import { ApiError, unwrap } from '@/lib/api/api-error';
import { apiClient } from '@/lib/api/client';

/**
 * The range's readings as the server's CSV (UTF-8 with BOM, Tokyo time),
 * saved under the server's file name. A plain link cannot carry the bearer
 * token, so the file is fetched and handed to the browser as a blob.
 */
export async function downloadReadingsCsv(params: { id: string; from: Date; to: Date }) {
  const result = await apiClient.GET('/api/telemetry/devices/{id}/readings.csv', {
    params: { path: { id: params.id }, query: { from: params.from.toISOString(), to: params.to.toISOString() } },
    parseAs: 'blob',
  });
  const blob = unwrap(result);
  if (!(blob instanceof Blob)) {
    throw new ApiError({ status: result.response.status, code: 'UNEXPECTED_RESPONSE', message: 'not a file' });
  }
  const disposition = result.response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'kura-readings.csv';
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the object URL; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
