import { loadConfig } from '../platform/config/config.js';
import { startServer } from '../server.js';
import { runMain } from './run-main.js';

/** The API service (ECS Fargate behind the ALB). Migrations run as a separate deploy step. */
await runMain('api', async () => {
  const config = loadConfig();
  const running = await startServer({ config, migrate: config.database.kind === 'pglite' });
  await running.ready.catch(async (err: unknown) => {
    await running.stop().catch(() => {});
    throw err;
  });
  return running;
});
