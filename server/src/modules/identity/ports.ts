import type { Role } from '../../platform/auth/principal.js';
import type { DatabaseOrTransaction } from '../../platform/db/database.js';

/**
 * What identity needs from outside itself, wired by the composition root
 * (app.ts).
 */

/** Deletes what other modules keep for a user, inside the deleting transaction. */
export type RemoveOwnedData = (tx: DatabaseOrTransaction, userId: string) => Promise<void>;

/**
 * The user directory behind sign-in: Cognito on AWS, the local OIDC
 * provider's accounts offline (adapters in `directory/`, which pass one
 * contract suite). Kura's own users table is the record of role and status;
 * the directory follows it, so the two agree at sign-in. Accounts are
 * addressed by email, which both directories accept.
 */
export type Directory = {
  invite(input: { email: string; displayName: string; role: Role }): Promise<Invitation>;
  find(email: string): Promise<DirectoryAccount | undefined>;
  setRole(email: string, role: Role): Promise<void>;
  /** Disabling also ends the account's sessions, so refresh tokens stop working. */
  setEnabled(email: string, enabled: boolean): Promise<void>;
  remove(email: string): Promise<void>;
};

export type DirectoryAccount = { subject: string; email: string; enabled: boolean; role: Role };

export type Invitation = {
  subject: string;
  /**
   * Cognito mails the invitee a temporary password itself; a directory that
   * cannot send mail returns it here, to be shown once to the inviting admin.
   */
  temporaryPassword: string | undefined;
};
