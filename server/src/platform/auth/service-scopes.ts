import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, Env } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { ServiceScope } from './principal.js';

/** The scope the local OTLP receiver (/v1/traces, /v1/metrics) asks of a service token; no /api route takes it. */
export const otlpScope = 'otlp:write' satisfies ServiceScope;

/** The OpenAPI security scheme whose requirement names a route's service-token scope. */
export const serviceTokenScheme = 'serviceToken';

/**
 * A route's `security` when a service token holding `scope` may call it, as
 * well as a signed-in person (whose role the route's guard checks). Declared
 * with the route, it is in the OpenAPI document, and `authenticate` lets a
 * service token reach no route that does not declare a scope the token holds.
 */
export function personOrServiceToken(scope: ServiceScope): Record<string, string[]>[] {
  return [{ bearer: [] }, { [serviceTokenScheme]: [scope] }];
}

/**
 * The scope the route answering a request declares, read from the app's
 * OpenAPI registry: built on first use, when every router is mounted.
 */
export function declaredServiceScopes<E extends Env>(app: OpenAPIHono<E>): (c: Context) => string | undefined {
  let byRoute: Map<string, string> | undefined;
  return (c) => {
    byRoute ??= scopesByRoute(app);
    // Middleware matches as method ALL; the first route with a method is the one that answers.
    const route = matchedRoutes(c).find((r) => r.method !== 'ALL');
    return route ? byRoute.get(`${route.method} ${route.path}`) : undefined;
  };
}

function scopesByRoute<E extends Env>(app: OpenAPIHono<E>): Map<string, string> {
  const scopes = new Map<string, string>();
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type !== 'route') continue;
    const { method, path, security } = definition.route;
    const scope = security?.find((requirement) => serviceTokenScheme in requirement)?.[serviceTokenScheme]?.[0];
    // zod-openapi mounts `/items/{id}` as Hono's `/items/:id`.
    if (scope) scopes.set(`${method.toUpperCase()} ${path.replaceAll(/\{(\w+)\}/g, ':$1')}`, scope);
  }
  return scopes;
}
