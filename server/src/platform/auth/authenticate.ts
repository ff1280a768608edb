import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { AppError } from '../http/errors.js';
import { type AccessTokenClaims, type JwtVerifier, TokenRejected } from './jwt-verifier.js';
import type { Principal, Role, ServicePrincipal, UserPrincipal } from './principal.js';

/** Service tokens carry this prefix, so they are told apart from JWTs without parsing. */
export const serviceTokenPrefix = 'kura_st_';

export type AuthenticateOptions = {
  verifyAccessToken: JwtVerifier;
  /** The user record for a verified token, created on first sign-in; `undefined` when disabled. */
  resolveUser(claims: AccessTokenClaims): Promise<UserPrincipal | undefined>;
  /** A live (not revoked) service token by its secret; `undefined` otherwise. */
  resolveServiceToken(secret: string): Promise<ServicePrincipal | undefined>;
  /** The service-token scope the route answering the request declares (service-scopes.ts); none: people only. */
  serviceScopeOf(c: Context<AppEnv>): string | undefined;
};

/**
 * Bearer authentication for every route mounted after it. No cookies are read,
 * so cross-site request forgery has nothing to ride on. Every response to an
 * authenticated request is marked `no-store`.
 */
export function authenticate(options: AuthenticateOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    // Auth scheme names are case-insensitive (RFC 9110 §11.1): `bearer x` is a bearer token too.
    const match = header?.match(/^bearer +([A-Za-z0-9._~+/=-]+)$/i);
    if (!match?.[1]) throw new AppError('UNAUTHENTICATED', 'Sign in: a bearer token is required');
    const token = match[1];
    let principal: Principal | undefined;
    if (token.startsWith(serviceTokenPrefix)) {
      principal = await options.resolveServiceToken(token);
      if (!principal) throw new AppError('UNAUTHENTICATED', 'The service token is not valid or was revoked');
      // Default deny: a service token reaches only a route that declares a scope, and only holding it.
      const scope = options.serviceScopeOf(c);
      if (!scope) throw new AppError('FORBIDDEN', 'This route is for signed-in people, not service tokens');
      if (!principal.scopes.includes(scope)) throw new AppError('FORBIDDEN', `This needs the ${scope} scope`);
    } else {
      let claims: AccessTokenClaims;
      try {
        claims = await options.verifyAccessToken(token);
      } catch (err) {
        if (err instanceof TokenRejected) throw new AppError('UNAUTHENTICATED', `Sign in again: ${err.message}`);
        throw err;
      }
      principal = await options.resolveUser(claims);
      if (!principal) throw new AppError('ACCOUNT_DISABLED', 'This account is disabled');
    }
    c.set('principal', principal);
    await next();
    // What a caller gets back is theirs (their cart and orders, the back office): no cache keeps it.
    c.res.headers.set('Cache-Control', 'no-store');
  };
}

/** The signed-in person, or 401/403 for anything else. */
export function requireUser(c: Context<AppEnv>, ...allowed: Role[]): UserPrincipal {
  const principal = c.get('principal');
  if (!principal) throw new AppError('UNAUTHENTICATED', 'Sign in: a bearer token is required');
  if (principal.kind !== 'user')
    throw new AppError('FORBIDDEN', 'This route is for signed-in people, not service tokens');
  if (allowed.length > 0 && !allowed.includes(principal.role)) {
    throw new AppError('FORBIDDEN', `This needs the ${allowed.join(' or ')} role`);
  }
  return principal;
}

/**
 * Middleware form of `requireUser`, for whole route groups such as `/api/admin/*`: it runs before input validation.
 * A service token that got this far was let through by `authenticate` for the scope its route declares.
 */
export function requireRole(...allowed: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('principal')?.kind !== 'service') requireUser(c, ...allowed);
    await next();
  };
}
