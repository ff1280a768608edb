import { loadConfig } from '../platform/config/config.js';
import { grantAppRole } from '../platform/db/app-role.js';
import { openDatabase } from '../platform/db/database.js';
import { applyMigrations } from '../platform/db/migrate.js';
import { createLogger } from '../platform/observability/logger.js';
import { runMain } from './run-main.js';

/**
 * One-off deploy step: apply pending migrations, grant the app its rows, then exit. On AWS the migrate
 * task connects as the schema owner and also receives the app's database login (from its own secret),
 * so the running app gets row access only; locally there is no app login.
 */
await runMain('migrate', async () => {
  const config = loadConfig();
  const logger = createLogger({ level: config.log.level, service: config.tracing.serviceName });
  const database = await openDatabase(config.database);
  try {
    const started = performance.now();
    await applyMigrations(database);
    logger.info({ durationMs: Math.round(performance.now() - started) }, 'migrations applied');
    const login = config.appDatabaseLogin;
    if (login) {
      await grantAppRole(database.db, { role: login.role, login: { user: login.user, password: login.password } });
      logger.info({ role: login.role, user: login.user }, 'app role granted');
    }
  } finally {
    await database.close();
  }
  return undefined;
});
