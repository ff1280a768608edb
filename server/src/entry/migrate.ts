import { z } from 'zod';
import { loadConfig } from '../platform/config/config.js';
import { grantAppRole } from '../platform/db/app-role.js';
import { openDatabase } from '../platform/db/database.js';
import { applyMigrations } from '../platform/db/migrate.js';
import { runMain } from './run-main.js';

/**
 * On AWS the migrate task connects as the schema owner and also receives the app's database
 * login (from its own secret): the running app gets row access only. Locally neither is set.
 */
const appLoginEnv = z
  .object({
    KURA_DB_APP_ROLE: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/),
    KURA_DB_APP_USER: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/),
    KURA_DB_APP_PASSWORD: z.string().min(1),
  })
  .partial()
  .refine((e) => [0, 3].includes(Object.values(e).filter((v) => v !== undefined).length), {
    message: 'KURA_DB_APP_ROLE, KURA_DB_APP_USER and KURA_DB_APP_PASSWORD are set together or not at all',
  });

/** One-off deploy step: apply pending migrations, grant the app its rows, then exit. */
await runMain('migrate', async () => {
  const config = loadConfig();
  const parsed = appLoginEnv.safeParse(process.env);
  // The issues name the variables, never their values.
  if (!parsed.success)
    throw new Error(`app login: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  const app = parsed.data;
  const database = await openDatabase(config.database);
  try {
    const started = performance.now();
    await applyMigrations(database);
    process.stdout.write(
      `${JSON.stringify({ level: 'info', msg: 'migrations applied', durationMs: Math.round(performance.now() - started) })}\n`,
    );
    if (app.KURA_DB_APP_ROLE && app.KURA_DB_APP_USER && app.KURA_DB_APP_PASSWORD) {
      await grantAppRole(database.db, {
        role: app.KURA_DB_APP_ROLE,
        login: { user: app.KURA_DB_APP_USER, password: app.KURA_DB_APP_PASSWORD },
      });
      process.stdout.write(
        `${JSON.stringify({ level: 'info', msg: 'app role granted', role: app.KURA_DB_APP_ROLE })}\n`,
      );
    }
  } finally {
    await database.close();
  }
  return undefined;
});
