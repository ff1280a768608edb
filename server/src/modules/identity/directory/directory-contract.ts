import { expect, it } from 'vitest';
import type { Directory } from '../ports.js';
import { DirectoryAccountNotFound, DirectoryConflict } from './directory.js';

/**
 * What every Directory adapter must do, run against each: Cognito (through
 * cognito-local) and the local provider's store. `directory` is read lazily,
 * because adapters start in beforeAll.
 */
export function directoryContract(directory: () => Directory): void {
  const unique = () => `user-${crypto.randomUUID().slice(0, 8)}@example.test`;

  it('invites an account in its role, enabled, findable by email', async () => {
    const email = unique();
    const invitation = await directory().invite({ email, displayName: 'Hanako', role: 'staff' });
    expect(invitation.subject).toMatch(/\S{8,}/);
    expect(await directory().find(email)).toEqual({ subject: invitation.subject, email, enabled: true, role: 'staff' });
  });

  it('refuses a second invitation for the same email', async () => {
    const email = unique();
    await directory().invite({ email, displayName: '', role: 'customer' });
    await expect(directory().invite({ email, displayName: '', role: 'customer' })).rejects.toBeInstanceOf(
      DirectoryConflict,
    );
  });

  it('changes the role, leaving exactly one role', async () => {
    const email = unique();
    await directory().invite({ email, displayName: '', role: 'customer' });
    await directory().setRole(email, 'admin');
    expect((await directory().find(email))?.role).toBe('admin');
    await directory().setRole(email, 'staff');
    expect((await directory().find(email))?.role).toBe('staff');
  });

  it('disables and enables an account', async () => {
    const email = unique();
    await directory().invite({ email, displayName: '', role: 'customer' });
    await directory().setEnabled(email, false);
    expect((await directory().find(email))?.enabled).toBe(false);
    await directory().setEnabled(email, true);
    expect((await directory().find(email))?.enabled).toBe(true);
  });

  it('removes an account', async () => {
    const email = unique();
    await directory().invite({ email, displayName: '', role: 'customer' });
    await directory().remove(email);
    expect(await directory().find(email)).toBeUndefined();
  });

  it('reports an unknown account as not found', async () => {
    const email = unique();
    expect(await directory().find(email)).toBeUndefined();
    await expect(directory().setRole(email, 'staff')).rejects.toBeInstanceOf(DirectoryAccountNotFound);
    await expect(directory().setEnabled(email, false)).rejects.toBeInstanceOf(DirectoryAccountNotFound);
    await expect(directory().remove(email)).rejects.toBeInstanceOf(DirectoryAccountNotFound);
  });
}
