import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { personOrServiceToken } from '../../../../platform/auth/service-scopes.js';
import type { AppEnv } from '../../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../../platform/http/errors.js';
import { etagOf, expectedVersions, ifMatchHeadersSchema, staleVersion } from '../../../../platform/http/etag.js';
import {
  createProductBodySchema,
  productIdParams,
  staffProductSchema,
  updateProductBodySchema,
} from '../../api-schemas.js';
import type { CatalogStaffDeps } from '../../deps.js';
import { createProduct, updateProduct } from '../product-edits.js';
import { getProduct } from '../product-queries.js';
import { toStaffProduct } from '../product-view.js';

const security = [{ bearer: [] }];

export const staffCreateProductRoute = createRoute({
  operationId: 'staffCreateProduct',
  method: 'post',
  path: '/staff/products',
  tags: ['Back office'],
  summary: 'Create a product with its stock row (staff)',
  security,
  request: { body: { required: true, content: { 'application/json': { schema: createProductBodySchema } } } },
  responses: {
    201: {
      description: 'The new product; ETag and Location headers',
      content: { 'application/json': { schema: staffProductSchema } },
    },
    ...errorResponses(400, 401, 403, 409),
  },
});

export const staffGetProductRoute = createRoute({
  operationId: 'staffGetProduct',
  method: 'get',
  path: '/staff/products/{id}',
  tags: ['Back office'],
  summary: 'One product, archived or not, with its ETag (staff)',
  security: personOrServiceToken('catalog:read'),
  request: { params: productIdParams },
  responses: {
    200: { description: 'The product', content: { 'application/json': { schema: staffProductSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export const staffUpdateProductRoute = createRoute({
  operationId: 'staffUpdateProduct',
  method: 'patch',
  path: '/staff/products/{id}',
  tags: ['Back office'],
  summary: 'Change, archive or restore a product (staff; If-Match required)',
  security,
  request: {
    params: productIdParams,
    headers: ifMatchHeadersSchema,
    body: { required: true, content: { 'application/json': { schema: updateProductBodySchema } } },
  },
  responses: {
    200: {
      description: 'The changed product; its new ETag',
      content: { 'application/json': { schema: staffProductSchema } },
    },
    ...errorResponses(400, 401, 403, 404, 409, 412, 428),
  },
});

export type StaffProductResponse = z.infer<typeof staffProductSchema>;

export function registerStaffProduct(app: OpenAPIHono<AppEnv>, deps: CatalogStaffDeps): void {
  /** The product as the back office sees it; its ETag goes on the response. */
  async function load(c: Context<AppEnv>, id: string): Promise<StaffProductResponse> {
    const row = await getProduct(deps.db, { stock: deps.stock, idOrSlug: id, includeArchived: true });
    if (!row) throw new AppError('NOT_FOUND', 'No such product');
    c.header('ETag', etagOf(row.version));
    return toStaffProduct(row, deps.mediaUrl);
  }

  app.openapi(staffCreateProductRoute, async (c) => {
    const input = c.req.valid('json');
    const id = await createProduct(deps.db, {
      writeOpeningStock: deps.openingStock,
      sku: input.sku,
      slug: input.slug,
      nameJa: input.name.ja,
      nameEn: input.name.en,
      nameReading: input.reading,
      descriptionJa: input.description?.ja ?? '',
      descriptionEn: input.description?.en ?? '',
      categoryId: input.categoryId,
      price: input.price,
      taxClass: input.taxClass,
      active: input.active,
      openingStock: input.openingStock,
    });
    c.header('Location', `/api/staff/products/${id}`);
    return c.json(await load(c, id), 201);
  });

  app.openapi(staffGetProductRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await load(c, id), 200);
  });

  app.openapi(staffUpdateProductRoute, async (c) => {
    const { id } = c.req.valid('param');
    const changes = c.req.valid('json');
    const expected = expectedVersions(c.req.valid('header')['if-match']);
    const outcome = await updateProduct(deps.db, {
      id,
      expected,
      changes: {
        slug: changes.slug,
        nameJa: changes.name?.ja,
        nameEn: changes.name?.en,
        nameReading: changes.reading,
        descriptionJa: changes.description?.ja,
        descriptionEn: changes.description?.en,
        categoryId: changes.categoryId,
        price: changes.price,
        taxClass: changes.taxClass,
        active: changes.active,
      },
    });
    if (outcome.kind === 'missing') throw new AppError('NOT_FOUND', 'No such product');
    if (outcome.kind === 'stale') throw staleVersion(c, outcome.version, 'product');
    return c.json(await load(c, id), 200);
  });
}
