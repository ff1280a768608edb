import { and, eq, getTableColumns, ne, or, sql } from 'drizzle-orm';
import type { AccessTokenClaims } from '../../platform/auth/jwt-verifier.js';
import type { Role, UserPrincipal } from '../../platform/auth/principal.js';
import type { Database, DatabaseOrTransaction } from '../../platform/db/database.js';
import { escapeLike } from '../../platform/db/escape-like.js';
import { keyset, newestFirst } from '../../platform/db/keyset.js';
import { AppError } from '../../platform/http/errors.js';
import { recordAudit } from './audit-log.js';
import { DirectoryAccountNotFound, DirectoryConflict } from './directory/directory.js';
import type { Directory, RemoveOwnedData } from './ports.js';
import { type UserStatus, users } from './schema.js';

/** The most privileged role among a token's groups (Cognito groups on AWS). */
function roleFromGroups(groups: readonly string[]): Role {
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
        displayName: claims.name ?? '',
        role: roleFromGroups(claims.groups),
      })
      .onConflictDoNothing({ target: users.subject });
    [user] = await db.select().from(users).where(eq(users.subject, claims.subject));
  } else if ((claims.email && claims.email !== user.email) || (claims.name && user.displayName === '')) {
    // A name is taken from the token only while the record has none: an admin's edit is not overwritten.
    [user] = await db
      .update(users)
      .set({
        ...(claims.email ? { email: claims.email } : {}),
        ...(claims.name && user.displayName === '' ? { displayName: claims.name } : {}),
        updatedAt: new Date(),
      })
      .where(eq(users.id, user.id))
      .returning();
  }
  if (user?.status !== 'active') return undefined;
  return toPrincipal(user);
}

function toPrincipal(user: typeof users.$inferSelect): UserPrincipal {
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

export type ListUsersParams = {
  q?: string | undefined;
  role?: Role | undefined;
  status?: UserStatus | undefined;
  cursor?: string | undefined;
  limit: number;
};

/** Newest first; `q` matches email or display name, case-insensitively. */
export async function listUsers(db: DatabaseOrTransaction, params: ListUsersParams) {
  const paging = keyset(newestFirst(users.createdAt, users.id), params.cursor);
  const like = params.q ? `%${escapeLike(params.q.toLowerCase())}%` : undefined;
  const rows = await db
    .select({ ...getTableColumns(users), ...paging.select })
    .from(users)
    .where(
      and(
        like ? or(sql`lower(${users.email}) like ${like}`, sql`lower(${users.displayName}) like ${like}`) : undefined,
        params.role ? eq(users.role, params.role) : undefined,
        params.status ? eq(users.status, params.status) : ne(users.status, 'deleted'),
        paging.after,
      ),
    )
    .orderBy(...paging.orderBy)
    .limit(params.limit + 1);
  return paging.page(rows, params.limit);
}

export type UserChange = { role?: Role | undefined; status?: UserStatus | undefined };

/**
 * An admin's change to a user, with its audit entry, in one transaction.
 * Admins cannot lock themselves out (demote or disable their own account).
 * Returns undefined when there is no such user.
 */
export async function changeUser(
  db: Database,
  params: { actorId: string; userId: string; change: UserChange; directory: Directory | undefined },
) {
  const { actorId, userId, change, directory } = params;
  if (actorId === userId && ((change.role && change.role !== 'admin') || change.status === 'disabled')) {
    throw new AppError('CONFLICT', 'You cannot demote or disable your own account; ask another admin');
  }
  const current = await getUserById(db, userId);
  if (!current || current.status === 'deleted') return undefined;
  // The directory goes first: its calls are idempotent, so if Kura's own update
  // then fails, repeating the request converges. A directory failure changes nothing here.
  if (directory) await followInDirectory(directory, current.email, change);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!before) return undefined;
    const [after] = await tx
      .update(users)
      .set({
        ...(change.role ? { role: change.role } : {}),
        ...(change.status ? { status: change.status } : {}),
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId))
      .returning();
    if (!after) return undefined;
    const fields = (u: typeof before) => ({ role: u.role, status: u.status });
    if (JSON.stringify(fields(before)) !== JSON.stringify(fields(after))) {
      await recordAudit(tx, {
        actorId,
        action: 'user.changed',
        subjectType: 'user',
        subjectId: userId,
        before: fields(before),
        after: fields(after),
      });
    }
    return after;
  });
}

async function followInDirectory(directory: Directory, email: string, change: UserChange): Promise<void> {
  try {
    if (change.role) await directory.setRole(email, change.role);
    if (change.status) await directory.setEnabled(email, change.status === 'active');
  } catch (err) {
    // Users who signed in through another route (or before the directory existed) have no account there.
    if (!(err instanceof DirectoryAccountNotFound)) throw err;
  }
}

export type InviteUserParams = {
  actorId: string;
  email: string;
  displayName: string;
  role: Role;
  directory: Directory;
};

/**
 * An admin invites someone: an account in the directory (Cognito mails them;
 * the local directory returns a temporary password), then Kura's user record
 * with the same subject, audited, so the role holds from the first sign-in.
 */
export async function inviteUser(db: Database, params: InviteUserParams) {
  const { actorId, email, displayName, role, directory } = params;
  let invitation: Awaited<ReturnType<Directory['invite']>>;
  try {
    invitation = await directory.invite({ email, displayName, role });
  } catch (err) {
    if (err instanceof DirectoryConflict) throw new AppError('CONFLICT', `${email} already has an account`);
    throw err;
  }
  const user = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ subject: invitation.subject, email, displayName, role })
      .onConflictDoUpdate({ target: users.subject, set: { email, displayName, role, updatedAt: new Date() } })
      .returning();
    if (!row) throw new Error('user insert returned nothing');
    await recordAudit(tx, {
      actorId,
      action: 'user.invited',
      subjectType: 'user',
      subjectId: row.id,
      after: { email, role },
    });
    return row;
  });
  return { user, temporaryPassword: invitation.temporaryPassword };
}

/**
 * An admin deletes a user: the directory account first (so they cannot sign
 * in again; already gone is fine), then, in one transaction, what other
 * modules hold for them (their todos), their user record (anonymised, kept as
 * a tombstone) and the audit entry. Orders, when they exist, are kept: they
 * are business records.
 * Returns false when there is no such user.
 */
export async function deleteUser(
  db: Database,
  params: { actorId: string; userId: string; directory: Directory | undefined; removeOwnedData: RemoveOwnedData },
): Promise<boolean> {
  const { actorId, userId, directory, removeOwnedData } = params;
  if (actorId === userId) throw new AppError('CONFLICT', 'You cannot delete your own account; ask another admin');
  const user = await getUserById(db, userId);
  if (!user || user.status === 'deleted') return false;
  if (directory) {
    try {
      await directory.remove(user.email);
    } catch (err) {
      if (!(err instanceof DirectoryAccountNotFound)) throw err;
    }
  }
  return db.transaction(async (tx) => {
    await removeOwnedData(tx, userId);
    // A tombstone, not a hole: a token issued before the deletion is refused rather than
    // signing in as a brand-new user, and records that point at the id stay valid.
    const removed = await tx
      .update(users)
      .set({ status: 'deleted', email: `deleted-${userId}@users.invalid`, displayName: '', updatedAt: new Date() })
      .where(and(eq(users.id, userId), ne(users.status, 'deleted')))
      .returning({ id: users.id });
    if (removed.length === 0) return false;
    await recordAudit(tx, {
      actorId,
      action: 'user.deleted',
      subjectType: 'user',
      subjectId: userId,
      before: { email: user.email, role: user.role, status: user.status },
    });
    return true;
  });
}
