import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DatabaseOrTransaction } from '../../platform/db/database.js';
import { qualified } from '../../platform/db/qualified.js';
import { users } from './schema.js';

/**
 * What other modules may read of identity, through ports the composition root
 * wires or flows call: nobody else reads identity's tables.
 */

/** A user's current email as SQL correlated on a user-id column of the caller's query (null when no such user). */
export const userEmailsById = {
  email: (userId: AnyPgColumn): SQL<string | null> =>
    sql<string | null>`(select ${users.email} from ${users} where ${users.id} = ${qualified(userId)})`,
};

/** The people who run the shop now: active staff and admins, with the language they read. */
export async function listStaffMembers(db: DatabaseOrTransaction) {
  return db
    .select({ id: users.id, locale: users.locale })
    .from(users)
    .where(and(inArray(users.role, ['staff', 'admin']), eq(users.status, 'active')))
    .orderBy(users.createdAt, users.id);
}
