import { z } from '@hono/zod-openapi';
import { type SQL, sql } from 'drizzle-orm';

/**
 * A due date-time as the client sent it: an instant with an offset, or a
 * wall-clock time that means "this time where the user lives".
 */
export type DueInput = { kind: 'instant'; value: string } | { kind: 'local'; value: string };

const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * zod checks the calendar (no February 30th); the year bound keeps PostgreSQL
 * from refusing year 0 or overflowing with a 500.
 */
export const dueAtInputSchema = z.iso
  .datetime({ offset: true, local: true, error: 'must be an ISO date-time with offset, or YYYY-MM-DDTHH:mm' })
  .refine((value) => {
    const year = Number(value.slice(0, 4));
    return year >= 1970 && year <= 9999;
  }, 'must be between the years 1970 and 9999')
  .openapi({
    description:
      'An instant with offset (`2026-05-01T09:00:00+09:00`), or a local date-time (`2026-05-01T09:00`) read in the user’s time zone',
    example: '2026-05-01T09:00:00+09:00',
  });

export function toDueInput(value: string): DueInput {
  return hasOffset.test(value) ? { kind: 'instant', value } : { kind: 'local', value };
}

/**
 * The timestamptz to store. The zone conversion happens in PostgreSQL, whose
 * tz database also decides DST gaps and overlaps.
 */
export function dueAtSql(due: DueInput, timeZone: string): SQL {
  return due.kind === 'instant'
    ? sql`cast(${due.value} as timestamptz)`
    : sql`(cast(${due.value} as timestamp) at time zone ${timeZone})`;
}

/** Local midnight today and tomorrow, as instants, in the user's zone. */
export function startOfToday(timeZone: string): SQL {
  return sql`(date_trunc('day', now() at time zone ${timeZone}) at time zone ${timeZone})`;
}

export function startOfTomorrow(timeZone: string): SQL {
  return sql`((date_trunc('day', now() at time zone ${timeZone}) + interval '1 day') at time zone ${timeZone})`;
}
