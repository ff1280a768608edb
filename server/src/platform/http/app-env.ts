import { OpenAPIHono } from '@hono/zod-openapi';
import type { Principal } from '../auth/principal.js';
import type { Logger } from '../observability/logger.js';
import { validationHook } from './errors.js';

/** What every request carries, set by the platform middleware. */
export type AppEnv = {
  Variables: {
    requestId: string;
    logger: Logger;
    /** Set by `authenticate` on every route mounted after it. */
    principal: Principal;
  };
};

/** A router whose validation failures answer with the one error body. */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
