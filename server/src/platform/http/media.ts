import type { OpenAPIHono } from '@hono/zod-openapi';
import { localUploadPath } from '../storage/filesystem-storage.js';
import { type ObjectStorage, UploadRejected, type UploadRejection } from '../storage/object-storage.js';
import type { AppEnv } from './app-env.js';
import { AppError, type ErrorCode } from './errors.js';

/**
 * `/media/<key>`: objects from the object store. Keys carry a content hash, so
 * responses are immutable. SVG is sandboxed: an image can never run script.
 * On AWS, CloudFront caches these responses at the edge.
 */
export function mountMedia(app: OpenAPIHono<AppEnv>, storage: ObjectStorage): void {
  app.get('/media/*', async (c) => {
    // A malformed escape is a missing object, not a server error.
    const key = safeDecode(c.req.path.slice('/media/'.length));
    const object = key === undefined ? undefined : await storage.get(key);
    if (!object) throw new AppError('NOT_FOUND', 'No such media object');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(new Uint8Array(object.body), 200, { 'Content-Type': object.contentType });
  });
}

const codeOf: Record<UploadRejection, ErrorCode> = {
  signature: 'UPLOAD_REJECTED',
  expired: 'UPLOAD_REJECTED',
  key: 'UPLOAD_REJECTED',
  content_type: 'UNSUPPORTED_MEDIA_TYPE',
  too_large: 'PAYLOAD_TOO_LARGE',
  empty: 'VALIDATION_FAILED',
  no_file: 'VALIDATION_FAILED',
};

/** The largest upload form the local endpoint reads: the file limit plus room for the other fields. */
export const uploadFormBytes = (maxUploadBytes: number) => maxUploadBytes + 64 * 1024;

/**
 * The local store's answer to S3's POST Object: a browser posts the presigned
 * form here. Mounted only for an adapter that receives uploads itself; with S3
 * the browser posts to the bucket instead.
 */
export function mountLocalUploads(app: OpenAPIHono<AppEnv>, storage: ObjectStorage): void {
  const receive = storage.receiveUpload;
  if (!receive) return;
  app.post(localUploadPath, async (c) => {
    const form = await c.req.formData().catch(() => {
      throw new AppError('MALFORMED_REQUEST', 'The body must be a multipart/form-data upload form');
    });
    try {
      await receive(form);
    } catch (err) {
      if (!(err instanceof UploadRejected)) throw err;
      const details =
        err.reason === 'empty' || err.reason === 'no_file' ? [{ path: 'file', message: err.message }] : undefined;
      throw new AppError(codeOf[err.reason], err.message, details);
    }
    return c.body(null, 204);
  });
}

function safeDecode(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}
