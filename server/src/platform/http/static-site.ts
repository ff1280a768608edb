import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from './app-env.js';
import { AppError } from './errors.js';

const immutable = 'public, max-age=31536000, immutable';
/** Written by the web build (web/src/app/app-paths.ts): the paths the SPA has a page for. */
const appPathsFile = 'app-paths.json';

/**
 * Serves the built SPA: fingerprinted assets cached for a year, the SPA's own
 * paths answered with index.html (client-side routing), never cached so a new
 * deploy is picked up at once. Any other path is a 404 that still shows the
 * app, so its not-found page says so in the reader's language. On AWS,
 * CloudFront + S3 do this instead.
 */
export function mountStaticSite(app: OpenAPIHono<AppEnv>, webDist: string): void {
  const indexHtml = join(webDist, 'index.html');
  if (!existsSync(indexHtml)) {
    app.get('*', (c) =>
      c.html(
        '<!doctype html><meta charset="utf-8"><title>Kura</title><p>The web UI is not built yet: run <code>npm run build -w @kura/web</code>, or start Kura with <code>npm start</code>, which builds it.</p>',
        503,
      ),
    );
    return;
  }
  const isAppPath = appPathMatcher(webDist);
  app.use('*', async (c, next) => {
    await next();
    if (c.res.status !== 200 || c.res.headers.has('Cache-Control')) return;
    const html = c.res.headers.get('Content-Type')?.startsWith('text/html') ?? false;
    c.res.headers.set(
      'Cache-Control',
      c.req.path.startsWith('/assets/') ? immutable : html ? 'no-cache' : 'public, max-age=3600',
    );
  });
  // The build writes .br and .gz beside each asset (web/scripts/precompress.mjs): sent when the browser
  // accepts them, with Content-Encoding and Vary: Accept-Encoding.
  app.use('*', serveStatic({ root: webDist, precompressed: true }));
  // A missing fingerprinted file is an error, not a page: index.html would be cached as JavaScript.
  app.get('/assets/*', () => {
    throw new AppError('NOT_FOUND', 'No such asset');
  });
  app.get('*', async (c, next) => {
    if (isAppPath(c.req.path)) return next();
    c.header('Cache-Control', 'no-cache');
    return c.html(await readFile(indexHtml, 'utf8'), 404);
  });
  app.get('*', serveStatic({ root: webDist, rewriteRequestPath: () => '/index.html' }));
}

/**
 * The SPA's route patterns (`/products/:slug`, `/todos/:filter?`) as one test,
 * matching as react-router does: case-insensitive, a trailing slash allowed.
 * A build without the list (older than it) keeps the old answer: every path is a page.
 */
function appPathMatcher(webDist: string): (path: string) => boolean {
  const file = join(webDist, appPathsFile);
  if (!existsSync(file)) return () => true;
  const patterns = z.array(z.string().startsWith('/')).parse(JSON.parse(readFileSync(file, 'utf8')));
  const alternatives = patterns.map((pattern) =>
    pattern
      .split('/')
      .filter(Boolean)
      .map((segment) => {
        if (segment.startsWith(':')) return segment.endsWith('?') ? '(?:/[^/]+)?' : '/[^/]+';
        return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
      })
      .join(''),
  );
  const matcher = new RegExp(`^(?:${alternatives.join('|')})/?$`, 'i');
  return (path) => matcher.test(path);
}
