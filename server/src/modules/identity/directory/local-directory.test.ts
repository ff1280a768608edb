import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/test-app.js';
import type { DatabaseHandle } from '../../../platform/db/database.js';
import { authenticateAccount } from '../adapters/local-oidc/account-store.js';
import type { Directory } from '../ports.js';
import { directoryContract } from './directory-contract.js';
import { createLocalDirectory } from './local-directory.js';

let database: DatabaseHandle;
let directory: Directory | undefined;
beforeAll(async () => {
  database = await createTestDatabase();
  directory = createLocalDirectory({ db: database.db });
});
afterAll(async () => {
  await database?.close();
});

const local = () => {
  if (!directory) throw new Error('directory not started');
  return directory;
};

describe('local directory (the embedded provider accounts)', () => {
  directoryContract(local);

  it('hands back a temporary password that signs in, and a disabled account cannot sign in', async () => {
    const email = `invitee-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const { temporaryPassword } = await local().invite({ email, displayName: 'Taro', role: 'customer' });
    expect(temporaryPassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const password = temporaryPassword ?? '';
    expect(await authenticateAccount(database.db, { email, password })).toMatchObject({ email });
    await local().setEnabled(email, false);
    expect(await authenticateAccount(database.db, { email, password })).toBeUndefined();
  });
});
