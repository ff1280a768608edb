import { loadConfig } from '../platform/config/config.js';
import { openDatabase } from '../platform/db/database.js';
import { applyMigrations } from '../platform/db/migrate.js';
import { runMain } from './run-main.js';

/** One-off deploy step: apply pending migrations, then exit. */
await runMain('migrate', async () => {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    const started = performance.now();
    await applyMigrations(database);
    process.stdout.write(
      `${JSON.stringify({ level: 'info', msg: 'migrations applied', durationMs: Math.round(performance.now() - started) })}\n`,
    );
  } finally {
    await database.close();
  }
  return undefined;
});
