import type { SQL } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../src/platform/db/database.js';

/** Raw SQL for assertions: both drivers (PGlite, node-postgres) answer `{ rows }`. */
export async function sqlRows<T>(db: DatabaseOrTransaction, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
