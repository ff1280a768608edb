import { loadConfig } from '../platform/config/config.js';
import { startServer } from '../server.js';
import { runMain } from './run-main.js';

/** `npm start`: the whole of Kura in one process on this machine. */
await runMain('start', async () => {
  const config = loadConfig();
  const started = performance.now();
  const say = (line: string) => process.stdout.write(`  ${line}\n`);
  process.stdout.write(`\n蔵 Kura — starting (profile ${config.profile})\n`);
  const running = await startServer({ config, migrate: true, progress: say });
  const stopOnFailure = async (err: unknown) => {
    await running.stop().catch(() => {});
    throw err;
  };
  await running.ready.catch(stopOnFailure);
  const elapsed = ((performance.now() - started) / 1000).toFixed(1);
  const signIn = running.signIn();
  const demo = signIn?.demoSignIns ?? [];
  process.stdout.write(
    [
      '',
      `Kura is ready at ${running.url}  (${elapsed} s)`,
      `  shop:      ${running.url}/`,
      `  API docs:  ${running.url}/api/docs`,
      `  sign-in:   ${signIn?.local ? `${signIn.issuer}  (local OIDC provider)` : (signIn?.issuer ?? 'not configured')}`,
      ...demo.map(
        (d, i) =>
          `${i === 0 ? '  demo:     ' : '            '} ${d.role.padEnd(9)} ${d.email.padEnd(20)} ${d.password}`,
      ),
      `  data:      ${config.dataDir ?? 'in memory (KURA_EPHEMERAL)'}${config.dataDir ? '  (delete it to start over)' : ''}`,
      '  stop:      Ctrl-C',
      '',
    ].join('\n'),
  );
  return running;
});
