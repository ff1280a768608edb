import { z } from '@hono/zod-openapi';

/**
 * The query parameters of every keyset-paged list: `cursor` (the previous
 * page's `nextCursor`, see platform/db/keyset.ts) and `limit`. Spread into the
 * list's query schema.
 */
export function pageParams(defaultLimit: number) {
  return {
    cursor: z.string().max(1000).optional().openapi({ description: 'nextCursor of the previous page' }),
    limit: z.coerce
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(100, 'must be at most 100')
      .default(defaultLimit),
  };
}
