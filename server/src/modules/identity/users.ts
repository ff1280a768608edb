import { eq } from 'drizzle-orm';
import type { AccessTokenClaims } from '../../platform/auth/jwt-verifier.js';
import type { Role, UserPrincipal } from '../../platform/auth/principal.js';
import type { DatabaseOrTransaction } from '../../platform/db/database.js';
import { users } from './schema.js';

/** The most privileged role among a token's groups (Cognito groups on AWS). */
export function roleFromGroups(groups: readonly string[]): Role {
  if (groups.includes('admin')) return 'admin';
  if (groups.includes('staff')) return 'staff';
  return 'customer';
}

/**
 * The user behind a verified token, created on first sign-in. Kura's record
 * is the authority for role and status afterwards (admins change them here,
 * and the directory follows). A disabled user gets `undefined`: refused at
 * once, whatever the token's expiry.
 */
export async function signInUser(
  db: DatabaseOrTransaction,
  claims: AccessTokenClaims,
): Promise<UserPrincipal | undefined> {
  let [user] = await db.select().from(users).where(eq(users.subject, claims.subject));
  if (!user) {
    // First sign-in. Two first requests at once insert one row: the loser reads the winner's.
    await db
      .insert(users)
      .values({
        subject: claims.subject,
        email: claims.email ?? `${claims.subject}@users.invalid`,
        role: roleFromGroups(claims.groups),
      })
      .onConflictDoNothing({ target: users.subject });
    [user] = await db.select().from(users).where(eq(users.subject, claims.subject));
  } else if (claims.email && claims.email !== user.email) {
    [user] = await db
      .update(users)
      .set({ email: claims.email, updatedAt: new Date() })
      .where(eq(users.id, user.id))
      .returning();
  }
  if (!user || user.status !== 'active') return undefined;
  return toPrincipal(user);
}

export function toPrincipal(user: typeof users.$inferSelect): UserPrincipal {
  return {
    kind: 'user',
    userId: user.id,
    subject: user.subject,
    email: user.email,
    role: user.role,
    timeZone: user.timeZone,
    locale: user.locale,
  };
}

export async function getUserById(db: DatabaseOrTransaction, id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}
