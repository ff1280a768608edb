import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { createApp } from '../src/app.js';
import { loadConfig, repoRoot } from '../src/platform/config/config.js';
import { createLogger } from '../src/platform/observability/logger.js';
import { startTracing } from '../src/platform/observability/tracing.js';
import { createFilesystemStorage } from '../src/platform/storage/filesystem-storage.js';

/** Where the web client's types live; generated, never edited by hand. */
export const apiTypesPath = join(repoRoot, 'web/src/lib/api/schema.d.ts');

/**
 * The OpenAPI document as the running server publishes it. Building it mounts
 * the routers but runs no handler, so the services are placeholders that fail
 * loudly if anything does touch them.
 */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const unused: never = new Proxy(() => {}, {
    get: () => unused,
    apply: () => {
      throw new Error('no service is used while generating the API document');
    },
  }) as never;
  const app = createApp({
    config: loadConfig({}),
    database: unused,
    // Read while the app is composed (where uploads go); it does no I/O until a request.
    storage: createFilesystemStorage(join(tmpdir(), 'kura-api-types-unused')),
    verifyAccessToken: unused,
    logger: createLogger({ level: 'silent', service: 'kura-api-types' }),
    tracing: startTracing({ serviceName: 'kura-api-types', otlpEndpoint: undefined }),
    events: unused,
  });
  const response = await app.request('/api/openapi.json');
  return (await response.json()) as Record<string, unknown>;
}

export async function renderApiTypes(): Promise<string> {
  const ast = await openapiTS(structuredClone(await buildOpenApiDocument()) as never);
  return `/**\n * Generated from the server's OpenAPI document by \`npm run api-types\`. Do not edit.\n */\n\n${astToString(ast)}`;
}

export async function readCommittedApiTypes(): Promise<string | undefined> {
  return readFile(apiTypesPath, 'utf8').catch(() => undefined);
}
