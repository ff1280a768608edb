import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ObjectStorage } from '../storage/object-storage.js';
import type { AppEnv } from './app-env.js';
import { AppError } from './errors.js';

/**
 * `/media/<key>`: objects from the local store. Keys carry a content hash, so
 * responses are immutable. SVG is sandboxed: an image can never run script.
 * On AWS, CloudFront serves the media bucket instead.
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

function safeDecode(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}
