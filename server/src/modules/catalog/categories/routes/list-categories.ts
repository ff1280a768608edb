import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../../platform/http/app-env.js';
import { categoryListSchema } from '../../api-schemas.js';
import type { CatalogDeps } from '../../deps.js';
import { listCategories } from '../../products/product-queries.js';
import { toCategory } from '../../products/product-view.js';

export const listCategoriesRoute = createRoute({
  operationId: 'listCategories',
  method: 'get',
  path: '/categories',
  tags: ['Catalog'],
  summary: 'All categories with their product counts',
  // Public: no credentials (an explicit empty list, so clients and linters need not guess)
  security: [],
  responses: {
    200: {
      description: 'Categories in display order',
      content: { 'application/json': { schema: categoryListSchema } },
    },
  },
});

export type ListCategoriesResponse = z.infer<typeof categoryListSchema>;

export function registerListCategories(app: OpenAPIHono<AppEnv>, deps: CatalogDeps): void {
  app.openapi(listCategoriesRoute, async (c) => {
    const rows = await listCategories(deps.db);
    const body: ListCategoriesResponse = { items: rows.map(toCategory) };
    return c.json(body, 200);
  });
}
