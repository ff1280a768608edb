import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AuthenticateOptions } from '../../platform/auth/authenticate.js';
import { type AppEnv, createRouter } from '../../platform/http/app-env.js';
import type { IdentityAuthenticationDeps, IdentityDeps } from './deps.js';
import { registerAdminAuditLog } from './routes/admin-audit-log.js';
import { registerAdminServiceTokens } from './routes/admin-service-tokens.js';
import { registerAdminUsers } from './routes/admin-users.js';
import { registerGetMe } from './routes/get-me.js';
import { resolveServiceToken } from './service-tokens.js';
import { signInUser } from './users.js';

/** How the platform's `authenticate` middleware finds users and service tokens. */
export function identityAuthentication(deps: IdentityAuthenticationDeps): AuthenticateOptions {
  return {
    verifyAccessToken: deps.verifyAccessToken,
    serviceScopeOf: deps.serviceScopeOf,
    resolveUser: (claims) => signInUser(deps.db, claims),
    resolveServiceToken: (secret) => resolveServiceToken(deps.db, secret),
  };
}

/** Identity routes that need a signed-in caller (mounted after `authenticate`), admin ones included. */
export function createIdentityRouter(deps: IdentityDeps): OpenAPIHono<AppEnv> {
  const router = createRouter();
  registerGetMe(router, deps);
  // Admin routes live under /admin: app.ts guards that prefix with requireRole('admin').
  registerAdminUsers(router, deps);
  registerAdminServiceTokens(router, deps);
  registerAdminAuditLog(router, deps);
  return router;
}
