import { type ApiErrorCode, apiErrorOf, networkError } from './api-error';

export type UploadRequest = {
  url: string;
  body: XMLHttpRequestBodyInit;
  headers?: Readonly<Record<string, string>>;
  /** 0…1 while the body is sent; 1 once it is all sent (the server may still be working). */
  onProgress: (fraction: number) => void;
  /** The code for a refusal that is not the API's JSON error (object storage answers XML). */
  refusalCode?: (status: number, text: string) => ApiErrorCode;
};

/**
 * POSTs a body with upload progress, which only XMLHttpRequest reports (fetch
 * cannot). Resolves with the parsed JSON answer (undefined when there is none);
 * a refusal rejects with the same ApiError as the typed client's, no answer
 * with NETWORK.
 */
export function postWithProgress(request: UploadRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', request.url);
    for (const [name, value] of Object.entries(request.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) request.onProgress(event.loaded / event.total);
    };
    xhr.upload.onload = () => request.onProgress(1);
    xhr.onerror = () => reject(networkError());
    xhr.onload = () => {
      const text = xhr.responseText ?? '';
      const body = parseJson(text);
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body);
      const requestId = xhr.getResponseHeader('x-request-id') ?? undefined;
      const fallbackCode = request.refusalCode?.(xhr.status, text);
      reject(apiErrorOf(xhr.status, body, { requestId, ...(fallbackCode ? { fallbackCode } : {}) }));
    };
    xhr.send(request.body);
  });
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // an XML or HTML answer: the caller's refusalCode names it
  }
}
