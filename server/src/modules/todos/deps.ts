import type { Database } from '../../platform/db/database.js';

/** What the todos routes need, built once by the composition root. */
export type TodosDeps = { db: Database };
