import type { Role } from '../../../../platform/auth/principal.js';
import type { Database } from '../../../../platform/db/database.js';
import { accountExists, createAccount } from './account-store.js';

/** Shown by `npm start` and on the local sign-in page: the local profile only, never on AWS. */
export const demoPassword = 'kura-demo-1234';

export type DemoSignIn = { role: Role; email: string; password: string };

export const demoSignIns: readonly DemoSignIn[] = (['customer', 'staff', 'admin'] as const).map((role) => ({
  role,
  email: `${role}@kura.local`,
  password: demoPassword,
}));

/**
 * Creates the demo accounts that are missing (first start, or deleted since).
 * An existing one is left alone, so a changed password stays changed. The
 * three hashes run at once (scrypt works on libuv's thread pool).
 */
export async function seedDemoAccounts(db: Database): Promise<{ created: number }> {
  const results = await Promise.all(
    demoSignIns.map(async (demo) => {
      if (await accountExists(db, demo.email)) return false;
      const result = await createAccount(db, {
        email: demo.email,
        password: demo.password,
        displayName: displayNames[demo.role],
        groups: [demo.role],
      });
      return result.created;
    }),
  );
  return { created: results.filter(Boolean).length };
}

const displayNames: Record<Role, string> = {
  customer: 'デモ 顧客 (Demo Customer)',
  staff: 'デモ スタッフ (Demo Staff)',
  admin: 'デモ 管理者 (Demo Admin)',
};
