import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { personOrServiceToken } from '../../../../platform/auth/service-scopes.js';
import type { AppEnv } from '../../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../../platform/http/errors.js';
import {
  categoryIdParams,
  createCategoryBodySchema,
  reorderCategoriesBodySchema,
  staffCategoryListSchema,
  staffCategorySchema,
  updateCategoryBodySchema,
} from '../../api-schemas.js';
import type { CatalogStaffDeps } from '../../deps.js';
import { listCategories } from '../../products/product-queries.js';
import { toStaffCategory } from '../../products/product-view.js';
import { createCategory, deleteCategory, reorderCategories, updateCategory } from '../category-edits.js';

const security = [{ bearer: [] }];
const tags = ['Back office'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });

export const staffListCategoriesRoute = createRoute({
  operationId: 'staffListCategories',
  method: 'get',
  path: '/staff/categories',
  tags,
  summary: 'All categories in display order, with product counts (staff)',
  security: personOrServiceToken('catalog:read'),
  responses: {
    200: { description: 'Categories', content: json(staffCategoryListSchema) },
    ...errorResponses(401, 403),
  },
});

export const staffCreateCategoryRoute = createRoute({
  operationId: 'staffCreateCategory',
  method: 'post',
  path: '/staff/categories',
  tags,
  summary: 'Create a category, last in the order (staff)',
  security,
  request: { body: { required: true, content: json(createCategoryBodySchema) } },
  responses: {
    201: { description: 'The new category', content: json(staffCategorySchema) },
    ...errorResponses(400, 401, 403, 409),
  },
});

export const staffUpdateCategoryRoute = createRoute({
  operationId: 'staffUpdateCategory',
  method: 'patch',
  path: '/staff/categories/{id}',
  tags,
  summary: 'Rename a category or change its slug (staff)',
  security,
  request: { params: categoryIdParams, body: { required: true, content: json(updateCategoryBodySchema) } },
  responses: {
    200: { description: 'The changed category', content: json(staffCategorySchema) },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const staffReorderCategoriesRoute = createRoute({
  operationId: 'staffReorderCategories',
  method: 'put',
  path: '/staff/categories/order',
  tags,
  summary: 'Put every category in a new order (staff)',
  security,
  request: { body: { required: true, content: json(reorderCategoriesBodySchema) } },
  responses: {
    200: { description: 'Categories in the new order', content: json(staffCategoryListSchema) },
    ...errorResponses(400, 401, 403, 409),
  },
});

export const staffDeleteCategoryRoute = createRoute({
  operationId: 'staffDeleteCategory',
  method: 'delete',
  path: '/staff/categories/{id}',
  tags,
  summary: 'Delete an empty category (staff; 409 CATEGORY_NOT_EMPTY otherwise)',
  security,
  request: { params: categoryIdParams },
  responses: {
    204: { description: 'Deleted' },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export type StaffCategoryListResponse = z.infer<typeof staffCategoryListSchema>;
export type StaffCategoryResponse = z.infer<typeof staffCategorySchema>;

export function registerStaffCategories(app: OpenAPIHono<AppEnv>, deps: CatalogStaffDeps): void {
  const all = async () => (await listCategories(deps.db)).map(toStaffCategory);
  const one = async (id: string) => {
    const found = (await all()).find((category) => category.id === id);
    if (!found) throw new AppError('NOT_FOUND', 'No such category');
    return found;
  };

  app.openapi(staffListCategoriesRoute, async (c) => {
    const body: StaffCategoryListResponse = { items: await all() };
    return c.json(body, 200);
  });

  app.openapi(staffCreateCategoryRoute, async (c) => {
    const input = c.req.valid('json');
    const id = await createCategory(deps.db, { slug: input.slug, nameJa: input.name.ja, nameEn: input.name.en });
    const body: StaffCategoryResponse = await one(id);
    c.header('Location', `/api/staff/categories/${id}`);
    return c.json(body, 201);
  });

  app.openapi(staffReorderCategoriesRoute, async (c) => {
    const { ids } = c.req.valid('json');
    await reorderCategories(deps.db, ids);
    const body: StaffCategoryListResponse = { items: await all() };
    return c.json(body, 200);
  });

  app.openapi(staffUpdateCategoryRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const found = await updateCategory(deps.db, {
      id,
      slug: input.slug,
      nameJa: input.name?.ja,
      nameEn: input.name?.en,
    });
    if (!found) throw new AppError('NOT_FOUND', 'No such category');
    const body: StaffCategoryResponse = await one(id);
    return c.json(body, 200);
  });

  app.openapi(staffDeleteCategoryRoute, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await deleteCategory(deps.db, id))) throw new AppError('NOT_FOUND', 'No such category');
    return c.body(null, 204);
  });
}
