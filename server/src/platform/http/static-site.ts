import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv } from './app-env.js';

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
  app.use(
    '/assets/*',
    serveStatic({
      root: webDist,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use(
    '*',
    serveStatic({
      root: webDist,
      onFound: (path, c) => {
        c.header('Cache-Control', path.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600');
      },
    }),
  );
  app.get(
    '*',
    serveStatic({
      root: webDist,
      rewriteRequestPath: () => '/index.html',
      onFound: (_path, c) => {
        c.header('Cache-Control', 'no-cache');
      },
    }),
  );
}
