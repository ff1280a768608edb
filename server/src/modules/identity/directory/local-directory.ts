import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Role } from '../../../platform/auth/principal.js';
import type { DatabaseOrTransaction } from '../../../platform/db/database.js';
import { createAccount, normalizeEmail } from '../adapters/local-oidc/account-store.js';
import type { Directory } from '../ports.js';
import { localCredentials } from '../schema.js';
import { DirectoryAccountNotFound, DirectoryConflict } from './directory.js';

/**
 * The directory offline: the local OIDC provider's accounts. It cannot send
 * mail, so an invitation returns a temporary password for the admin to pass on.
 */
export function createLocalDirectory(options: { db: DatabaseOrTransaction }): Directory {
  const { db } = options;
  const byEmail = (email: string) => sql`lower(${localCredentials.email}) = ${normalizeEmail(email)}`;
  const roleOf = (groups: string[]): Role =>
    groups.includes('admin') ? 'admin' : groups.includes('staff') ? 'staff' : 'customer';

  async function update(email: string, set: Partial<typeof localCredentials.$inferInsert>): Promise<void> {
    const changed = await db
      .update(localCredentials)
      .set(set)
      .where(byEmail(email))
      .returning({ subject: localCredentials.subject });
    if (changed.length === 0) throw new DirectoryAccountNotFound(`No directory account for ${email}`);
  }

  return {
    async invite({ email, displayName, role }) {
      // Readable, ~95 bits: four groups of five from an unambiguous alphabet.
      const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
      const bytes = randomBytes(20);
      const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
      const temporaryPassword = chars.match(/.{5}/g)?.join('-') ?? chars;
      const result = await createAccount(db, { email, password: temporaryPassword, displayName, groups: [role] });
      if (!result.created) throw new DirectoryConflict(`${email} already has an account`);
      return { subject: result.account.subject, temporaryPassword };
    },

    async find(email) {
      const [row] = await db.select().from(localCredentials).where(byEmail(email));
      if (!row) return undefined;
      return { subject: row.subject, email: row.email, enabled: row.disabledAt === null, role: roleOf(row.groups) };
    },

    async setRole(email, role) {
      await update(email, { groups: [role] });
    },

    async setEnabled(email, enabled) {
      await update(email, { disabledAt: enabled ? null : new Date() });
    },

    async remove(email) {
      const removed = await db
        .delete(localCredentials)
        .where(byEmail(email))
        .returning({ subject: localCredentials.subject });
      if (removed.length === 0) throw new DirectoryAccountNotFound(`No directory account for ${email}`);
    },
  };
}
