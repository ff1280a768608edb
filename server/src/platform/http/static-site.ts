import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.js';
import { AppError } from './errors.js';

const immutable = 'public, max-age=31536000, immutable';

/**
 * Serves the built SPA: fingerprinted assets cached for a year, every other
 * path answered with index.html (client-side routing), never cached so a new
 * deploy is picked up at once. On AWS, CloudFront + S3 do this instead.
 */
export function mountStaticSite(app: OpenAPIHono<AppEnv>, webDist: string): void {
  if (!existsSync(join(webDist, 'index.html'))) {
    app.get('*', (c) =>
      c.html(
        '<!doctype html><meta charset="utf-8"><title>Kura</title><p>The web UI is not built yet: run <code>npm run build -w @kura/web</code>, or start Kura with <code>npm start</code>, which builds it.</p>',
        503,
      ),
    );
    return;
  }
  app.use('*', async (c, next) => {
    await next();
    if (c.res.status !== 200 || c.res.headers.has('Cache-Control')) return;
    const html = c.res.headers.get('Content-Type')?.startsWith('text/html') ?? false;
    c.res.headers.set(
      'Cache-Control',
      c.req.path.startsWith('/assets/') ? immutable : html ? 'no-cache' : 'public, max-age=3600',
    );
  });
  app.use('*', serveStatic({ root: webDist }));
  // A missing fingerprinted file is an error, not a page: index.html would be cached as JavaScript.
  app.get('/assets/*', () => {
    throw new AppError('NOT_FOUND', 'No such asset');
  });
  app.get('*', serveStatic({ root: webDist, rewriteRequestPath: () => '/index.html' }));
}
