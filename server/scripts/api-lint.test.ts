import { describe, expect, it } from 'vitest';
import { lintApiDocument } from './api-lint.js';
import { buildOpenApiDocument } from './api-types.js';

type Operation = { operationId?: string; security?: unknown[] };

describe('the OpenAPI document', () => {
  it("passes Redocly's recommended rules with operationIds and valid examples (`npm run lint:api`)", async () => {
    expect(await lintApiDocument()).toEqual([]);
  });

  it('names every operation in camelCase, and says explicitly which need no credentials', async () => {
    const doc = (await buildOpenApiDocument()) as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.values(doc.paths).flatMap((item) => Object.entries(item));
    expect(operations.length).toBeGreaterThan(50);
    for (const [, operation] of operations) expect(operation.operationId).toMatch(/^[a-z][A-Za-z0-9]*$/);
    const open = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, operation]) => operation.security?.length === 0)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(open.sort()).toEqual(['GET /api/categories', 'GET /api/products', 'GET /api/products/{idOrSlug}']);
  });
});
