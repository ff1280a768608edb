import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../../platform/http/app-env.js';
import { errorResponses } from '../../../../platform/http/errors.js';
import { bulkChangeSchema, productIdsBodySchema } from '../../api-schemas.js';
import type { CatalogStaffDeps } from '../../deps.js';
import { setProductsActive } from '../product-edits.js';

const bulkRoute = (action: 'archive' | 'restore') =>
  createRoute({
    operationId: action === 'archive' ? 'staffArchiveProducts' : 'staffRestoreProducts',
    method: 'post',
    path: `/staff/products/${action}`,
    tags: ['Back office'],
    summary:
      action === 'archive'
        ? 'Archive products: off the storefront, kept for orders (staff)'
        : 'Restore archived products to the storefront (staff)',
    security: [{ bearer: [] }],
    request: { body: { required: true, content: { 'application/json': { schema: productIdsBodySchema } } } },
    responses: {
      200: { description: 'How many changed', content: { 'application/json': { schema: bulkChangeSchema } } },
      ...errorResponses(400, 401, 403),
    },
  });

export const staffArchiveProductsRoute = bulkRoute('archive');
export const staffRestoreProductsRoute = bulkRoute('restore');

export type BulkChangeResponse = z.infer<typeof bulkChangeSchema>;

export function registerStaffArchiveProducts(app: OpenAPIHono<AppEnv>, deps: CatalogStaffDeps): void {
  app.openapi(staffArchiveProductsRoute, async (c) => {
    const { ids } = c.req.valid('json');
    const body: BulkChangeResponse = { changed: await setProductsActive(deps.db, { ids, active: false }) };
    return c.json(body, 200);
  });
  app.openapi(staffRestoreProductsRoute, async (c) => {
    const { ids } = c.req.valid('json');
    const body: BulkChangeResponse = { changed: await setProductsActive(deps.db, { ids, active: true }) };
    return c.json(body, 200);
  });
}
