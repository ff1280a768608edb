import { eq, sql } from 'drizzle-orm';
import type { Role } from '../../../../platform/auth/principal.js';
import type { DatabaseOrTransaction } from '../../../../platform/db/database.js';
import { localCredentials } from '../../schema.js';
import { hashPassword, needsRehash, verifyPassword } from './password-hash.js';

/** The local provider's account store: the embedded stand-in for a Cognito user pool. */
export type LocalAccount = {
  subject: string;
  email: string;
  displayName: string;
  groups: string[];
};

export const passwordMinLength = 8;
export const passwordMaxLength = 128;

const byEmail = (email: string) => sql`lower(${localCredentials.email}) = ${normalizeEmail(email)}`;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** An enabled account by subject (the OIDC `sub`); disabled accounts are not found. */
export async function findAccount(db: DatabaseOrTransaction, subject: string): Promise<LocalAccount | undefined> {
  if (!isUuid(subject)) return undefined;
  const [row] = await db.select().from(localCredentials).where(eq(localCredentials.subject, subject));
  if (!row || row.disabledAt) return undefined;
  return toAccount(row);
}

/**
 * The account for this email and password, or undefined, whichever of the two
 * is wrong. An unknown email costs one scrypt too, so the answer's timing does
 * not tell which emails have accounts.
 */
export async function authenticateAccount(
  db: DatabaseOrTransaction,
  credentials: { email: string; password: string },
): Promise<LocalAccount | undefined> {
  const [row] = await db.select().from(localCredentials).where(byEmail(credentials.email));
  const matches = await verifyPassword(credentials.password, row?.passwordHash ?? (await decoyHash()));
  if (!row || !matches || row.disabledAt) return undefined;
  if (needsRehash(row.passwordHash)) {
    const passwordHash = await hashPassword(credentials.password);
    await db.update(localCredentials).set({ passwordHash }).where(eq(localCredentials.subject, row.subject));
  }
  return toAccount(row);
}

export type CreateAccountResult = { created: true; account: LocalAccount } | { created: false; reason: 'email-taken' };

/** A new account; the unique index on lower(email) settles two sign-ups with one address. */
export async function createAccount(
  db: DatabaseOrTransaction,
  input: { email: string; password: string; displayName: string; groups: Role[] },
): Promise<CreateAccountResult> {
  const passwordHash = await hashPassword(input.password);
  const [row] = await db
    .insert(localCredentials)
    .values({ email: input.email.trim(), passwordHash, displayName: input.displayName.trim(), groups: input.groups })
    .onConflictDoNothing()
    .returning();
  if (!row) return { created: false, reason: 'email-taken' };
  return { created: true, account: toAccount(row) };
}

export async function accountExists(db: DatabaseOrTransaction, email: string): Promise<boolean> {
  const [row] = await db.select({ subject: localCredentials.subject }).from(localCredentials).where(byEmail(email));
  return row !== undefined;
}

let decoy: Promise<string> | undefined;
function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${crypto.randomUUID()}`);
  return decoy;
}

function toAccount(row: typeof localCredentials.$inferSelect): LocalAccount {
  return { subject: row.subject, email: row.email, displayName: row.displayName, groups: row.groups };
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
