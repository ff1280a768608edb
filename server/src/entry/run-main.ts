import { ConfigError } from '../platform/config/config.js';
import { DatabaseStartError } from '../platform/db/database.js';
import { StartError } from '../server.js';

const expected = [ConfigError, StartError, DatabaseStartError];

/**
 * Shared by the entry points: a problem the operator can fix prints as one
 * line naming it and exits 1; SIGINT/SIGTERM stop the server (or worker) cleanly.
 */
export async function runMain(name: string, main: () => Promise<{ stop(): Promise<void> } | undefined>): Promise<void> {
  try {
    const running = await main();
    if (!running) return;
    let signals = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      signals++;
      if (signals > 1) {
        process.stderr.write(`kura ${name}: ${signal} again, exiting now\n`);
        process.exit(1);
      }
      process.stderr.write(`\nkura ${name}: ${signal} received, finishing the work in flight…\n`);
      running.stop().then(
        () => process.exit(0),
        (err: unknown) => {
          process.stderr.write(`kura ${name}: shutdown failed: ${String(err)}\n`);
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  } catch (err) {
    if (expected.some((type) => err instanceof type)) {
      process.stderr.write(`kura ${name}: ${(err as Error).message}\n`);
    } else {
      process.stderr.write(`kura ${name}: failed to start: ${describeFailure(err)}\n`);
    }
    process.exit(1);
  }
}

/**
 * Drizzle wraps a driver's error as "Failed query: …" with the reason as its cause (a certificate the
 * pool does not trust, a refused connection): the one line an operator reads must carry it.
 */
export function describeFailure(err: unknown): string {
  let text = err instanceof Error ? (err.stack ?? err.message) : String(err);
  for (let cause = err instanceof Error ? err.cause : undefined, depth = 0; cause !== undefined && depth < 5; depth++) {
    text += `\n  caused by: ${cause instanceof Error ? cause.message : String(cause)}`;
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return text;
}
