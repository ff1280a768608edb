import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import { roles } from '../../../platform/auth/principal.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { pageParams } from '../../../platform/http/cursor.js';
import { AppError, errorResponses } from '../../../platform/http/errors.js';
import { toUser, userListSchema, userSchema } from '../api-schemas.js';
import type { IdentityDeps } from '../deps.js';
import { userStatuses } from '../schema.js';
import { changeUser, deleteUser, getUserById, inviteUser, listUsers } from '../users.js';

const security = [{ bearer: [] }];
const idParam = z.object({ id: z.uuid('must be a user id').openapi({ param: { name: 'id', in: 'path' } }) });

export const listUsersRoute = createRoute({
  operationId: 'listUsers',
  method: 'get',
  path: '/admin/users',
  tags: ['Admin'],
  summary: 'Search and page through users (admin)',
  security,
  request: {
    query: z.object({
      q: z.string().trim().max(100, 'must be at most 100 characters').optional(),
      role: z.enum(roles).optional(),
      status: z.enum(userStatuses).optional(),
      ...pageParams(25),
    }),
  },
  responses: {
    200: { description: 'A page of users, newest first', content: { 'application/json': { schema: userListSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

export const getUserRoute = createRoute({
  operationId: 'getUser',
  method: 'get',
  path: '/admin/users/{id}',
  tags: ['Admin'],
  summary: 'One user (admin)',
  security,
  request: { params: idParam },
  responses: {
    200: { description: 'The user', content: { 'application/json': { schema: userSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export const changeUserRoute = createRoute({
  operationId: 'changeUser',
  method: 'patch',
  path: '/admin/users/{id}',
  tags: ['Admin'],
  summary: "Change a user's role or status (admin; audited)",
  security,
  request: {
    params: idParam,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({ role: z.enum(roles).optional(), status: z.enum(['active', 'disabled']).optional() })
            .strict()
            .refine((b) => b.role !== undefined || b.status !== undefined, 'give role or status'),
        },
      },
    },
  },
  responses: {
    200: { description: 'The changed user', content: { 'application/json': { schema: userSchema } } },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const invitedSchema = z
  .object({
    user: userSchema,
    temporaryPassword: z.string().nullable().openapi({
      description: 'Only from a directory that cannot send mail (the local one): pass it on; shown once',
    }),
  })
  .openapi('InvitedUser');

export const inviteUserRoute = createRoute({
  operationId: 'inviteUser',
  method: 'post',
  path: '/admin/users',
  tags: ['Admin'],
  summary: 'Invite a user through the directory (admin; audited)',
  security,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              email: z.email('must be an email address').max(254),
              displayName: z.string().trim().max(100, 'must be at most 100 characters').default(''),
              role: z.enum(roles).default('customer'),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    201: { description: 'The invited user', content: { 'application/json': { schema: invitedSchema } } },
    ...errorResponses(400, 401, 403, 409),
  },
});

export const deleteUserRoute = createRoute({
  operationId: 'deleteUser',
  method: 'delete',
  path: '/admin/users/{id}',
  tags: ['Admin'],
  summary: 'Delete a user: their directory account, their todos and their record (admin; audited)',
  security,
  request: { params: idParam },
  responses: {
    204: { description: 'Deleted' },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export type InvitedUserResponse = z.infer<typeof invitedSchema>;
export type ListUsersResponse = z.infer<typeof userListSchema>;
export type UserResponse = z.infer<typeof userSchema>;

export function registerAdminUsers(app: OpenAPIHono<AppEnv>, deps: IdentityDeps): void {
  app.openapi(deleteUserRoute, async (c) => {
    const { id } = c.req.valid('param');
    const admin = requireUser(c, 'admin');
    const deleted = await deleteUser(deps.db, { actorId: admin.userId, userId: id, ...deps });
    if (!deleted) throw new AppError('NOT_FOUND', 'No such user');
    return c.body(null, 204);
  });

  app.openapi(inviteUserRoute, async (c) => {
    const input = c.req.valid('json');
    const admin = requireUser(c, 'admin');
    if (!deps.directory)
      throw new AppError('SERVICE_UNAVAILABLE', 'No user directory is configured for this identity provider');
    const invited = await inviteUser(deps.db, { ...input, actorId: admin.userId, directory: deps.directory });
    const body: InvitedUserResponse = {
      user: toUser(invited.user),
      temporaryPassword: invited.temporaryPassword ?? null,
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body, 201);
  });

  app.openapi(listUsersRoute, async (c) => {
    const query = c.req.valid('query');
    requireUser(c, 'admin');
    const page = await listUsers(deps.db, { ...query, q: query.q || undefined });
    const body: ListUsersResponse = { items: page.items.map(toUser), nextCursor: page.nextCursor };
    return c.json(body, 200);
  });

  app.openapi(getUserRoute, async (c) => {
    const { id } = c.req.valid('param');
    requireUser(c, 'admin');
    const row = await getUserById(deps.db, id);
    if (!row || row.status === 'deleted') throw new AppError('NOT_FOUND', 'No such user');
    const body: UserResponse = toUser(row);
    return c.json(body, 200);
  });

  app.openapi(changeUserRoute, async (c) => {
    const { id } = c.req.valid('param');
    const change = c.req.valid('json');
    const admin = requireUser(c, 'admin');
    const row = await changeUser(deps.db, { actorId: admin.userId, userId: id, change, directory: deps.directory });
    if (!row) throw new AppError('NOT_FOUND', 'No such user');
    const body: UserResponse = toUser(row);
    return c.json(body, 200);
  });
}
