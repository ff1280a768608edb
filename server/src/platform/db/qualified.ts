import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * A column with its table spelled out, even where Drizzle prints bare column
 * names (a select from one table). A correlated subquery must be handed its
 * outer column this way: a bare `"sku"` would bind to the subquery's own table.
 */
export function qualified(column: AnyPgColumn): SQL {
  return sql`${column.table}.${sql.identifier(column.name)}`;
}
