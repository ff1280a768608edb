import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { serviceTokenScheme } from '../auth/service-scopes.js';
import type { AppEnv } from './app-env.js';

/**
 * Scalar as an offline page: no web fonts or request proxy from scalar.com, no
 * AI agent (it searches a registry on the internet), no developer toolbar
 * (share, deploy, configure: Scalar's hosted services), no link to Scalar's
 * hosted API client. The operation ids are shown: generated clients use them.
 */
const scalarConfiguration = {
  withDefaultFonts: false,
  agent: { disabled: true },
  showDeveloperTools: 'never',
  hideClientButton: true,
  telemetry: false,
  showOperationId: true,
  documentDownloadType: 'json',
  customCss: `.light-mode, .dark-mode {
  --scalar-font: system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans JP", sans-serif;
  --scalar-font-code: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
}`,
};

const docsCsp =
  "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'";

/**
 * `/api/openapi.json` (OpenAPI 3.1 from the route schemas) and `/api/docs`,
 * Scalar's reference page with its script served from node_modules, so the
 * page works offline.
 */
export function mountApiDocs(app: OpenAPIHono<AppEnv>, info: { title: string; version: string }): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'An OIDC access token (Cognito, or the local provider); each route says which roles it needs',
  });
  // Named in an operation's security with the scope it needs; no other operation accepts a service token.
  app.openAPIRegistry.registerComponent('securitySchemes', serviceTokenScheme, {
    type: 'http',
    scheme: 'bearer',
    description: 'A Kura service token (kura_st_…), for the operations that name one of its scopes',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      ...info,
      description:
        'Kura: the storehouse shop. Errors share one body: `{ error: { code, message, details?, requestId } }`.',
    },
    servers: [{ url: '/' }],
  });

  let script: Promise<Buffer> | undefined;
  app.get('/api/docs/scalar.js', async (c) => {
    script ??= readFile(scalarScriptPath());
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(new Uint8Array(await script), 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });
  app.get('/api/docs', (c) => {
    c.header('Content-Security-Policy', docsCsp);
    return c.html(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${info.title} API</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml"></head>
<body>
<script id="api-reference" data-url="/api/openapi.json" data-configuration="${escapeAttribute(JSON.stringify(scalarConfiguration))}"></script>
<script src="/api/docs/scalar.js"></script>
</body>
</html>`);
  });
}

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

/** From node_modules when running from source; beside the bundle (copied by build.mjs) in the image. */
function scalarScriptPath(): string {
  try {
    return createRequire(import.meta.url).resolve('@scalar/api-reference/browser/standalone.js');
  } catch {
    return join(dirname(fileURLToPath(import.meta.url)), 'scalar-standalone.js');
  }
}
