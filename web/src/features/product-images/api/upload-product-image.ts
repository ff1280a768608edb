import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, type ApiErrorCode, unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';
import { postWithProgress } from '@/lib/api/upload';

type UploadableType = Schemas['CreateImageUpload']['contentType'];

/** What the server accepts; anything else (SVG, PDF, text) is refused before a byte is sent. */
export const uploadableTypes: readonly UploadableType[] = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/avif',
  'image/gif',
];

const isUploadable = (type: string): type is UploadableType => (uploadableTypes as readonly string[]).includes(type);

/**
 * Posts the presigned form with the file last, reporting progress. The form
 * goes to object storage (S3, or Kura's own endpoint locally), never with the
 * user's token: the signature is the permission.
 */
async function postForm(upload: Schemas['ImageUpload'], file: File, onProgress: (fraction: number) => void) {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', file);
  await postWithProgress({ url: upload.url, body: form, onProgress, refusalCode: storageRefusal });
}

/** The local endpoint answers Kura's JSON error; S3 answers XML (EntityTooLarge; AccessDenied for a policy). */
function storageRefusal(status: number, text: string): ApiErrorCode {
  return status === 413 || text.includes('<Code>EntityTooLarge</Code>') ? 'PAYLOAD_TOO_LARGE' : 'UPLOAD_REJECTED';
}

export type UploadInput = { file: File; onProgress: (fraction: number) => void };

/** One file: a signed form from the API, the file to storage, then the API checks it and makes renditions. */
export async function uploadProductImage(productId: string, { file, onProgress }: UploadInput) {
  if (!isUploadable(file.type)) {
    throw new ApiError({ status: 415, code: 'NOT_AN_IMAGE', message: `${file.name} is not a supported image` });
  }
  const path = { id: productId };
  const upload = unwrap(
    await apiClient.POST('/api/staff/products/{id}/images/uploads', {
      params: { path },
      body: { contentType: file.type },
    }),
  );
  if (file.size > upload.maxBytes) {
    throw new ApiError({ status: 413, code: 'PAYLOAD_TOO_LARGE', message: `${file.name} is too large` });
  }
  await postForm(upload, file, onProgress);
  return unwrap(
    await apiClient.POST('/api/staff/products/{id}/images', {
      params: { path },
      body: { key: upload.key, altJa: '', altEn: '' },
    }),
  );
}

export function useUploadProductImage(productId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UploadInput) => uploadProductImage(productId, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.staffProducts.images(productId) }),
  });
}
