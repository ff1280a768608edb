import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import { serviceScopes } from '../../../platform/auth/principal.js';
import type { Database } from '../../../platform/db/database.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../platform/http/errors.js';
import { serviceTokenSchema, toServiceToken } from '../api-schemas.js';
import { issueServiceToken, listServiceTokens, withdrawServiceToken } from '../service-tokens.js';

const security = [{ bearer: [] }];

const createdSchema = z
  .object({
    token: serviceTokenSchema,
    secret: z.string().openapi({ description: 'Shown once: Kura keeps only its hash', example: 'kura_st_…' }),
  })
  .openapi('CreatedServiceToken');

export const listServiceTokensRoute = createRoute({
  operationId: 'listServiceTokens',
  method: 'get',
  path: '/admin/service-tokens',
  tags: ['Admin'],
  summary: 'Service tokens, newest first (admin)',
  security,
  responses: {
    200: {
      description: 'Every token, live and revoked',
      content: { 'application/json': { schema: z.object({ items: z.array(serviceTokenSchema) }) } },
    },
    ...errorResponses(401, 403),
  },
});

export const createServiceTokenRoute = createRoute({
  operationId: 'createServiceToken',
  method: 'post',
  path: '/admin/service-tokens',
  tags: ['Admin'],
  summary: 'Create a service token for a machine client (admin; audited)',
  security,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
              scopes: z.array(z.enum(serviceScopes)).min(1, 'give at least one scope'),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    201: {
      description: 'The token and its secret (shown once)',
      content: { 'application/json': { schema: createdSchema } },
    },
    ...errorResponses(400, 401, 403),
  },
});

export const revokeServiceTokenRoute = createRoute({
  operationId: 'revokeServiceToken',
  method: 'delete',
  path: '/admin/service-tokens/{id}',
  tags: ['Admin'],
  summary: 'Revoke a service token (admin; audited)',
  security,
  request: { params: z.object({ id: z.uuid('must be a token id').openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: {
    200: { description: 'The revoked token', content: { 'application/json': { schema: serviceTokenSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export type CreatedServiceTokenResponse = z.infer<typeof createdSchema>;

export function registerAdminServiceTokens(app: OpenAPIHono<AppEnv>, deps: { db: Database }): void {
  app.openapi(listServiceTokensRoute, async (c) => {
    requireUser(c, 'admin');
    const rows = await listServiceTokens(deps.db);
    return c.json({ items: rows.map(toServiceToken) }, 200);
  });

  app.openapi(createServiceTokenRoute, async (c) => {
    const input = c.req.valid('json');
    const admin = requireUser(c, 'admin');
    const created = await issueServiceToken(deps.db, { ...input, createdBy: admin.userId });
    const body: CreatedServiceTokenResponse = { token: toServiceToken(created.token), secret: created.secret };
    c.header('Cache-Control', 'no-store');
    return c.json(body, 201);
  });

  app.openapi(revokeServiceTokenRoute, async (c) => {
    const { id } = c.req.valid('param');
    const admin = requireUser(c, 'admin');
    const revoked = await withdrawServiceToken(deps.db, { actorId: admin.userId, tokenId: id });
    if (!revoked) throw new AppError('NOT_FOUND', 'No such live service token');
    return c.json(toServiceToken(revoked), 200);
  });
}
