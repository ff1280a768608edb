export type BackgroundLoop = {
  start(): void;
  /** Cuts the current wait short (or skips the next one): there is news. */
  wake(): void;
  /** Lets the step in flight finish, then stops. */
  stop(): Promise<void>;
};

const failedStepWaitMs = 1_000;

/**
 * Runs `step` over and over in the background until stopped. Each step says
 * how long to wait before the next one (0: at once); `wake()` ends a wait.
 * The relay and the consumer both run this way.
 */
export function createBackgroundLoop(step: () => Promise<number>): BackgroundLoop {
  let loop: Promise<void> | undefined;
  let stopping = false;
  let news = false;
  let endWait: (() => void) | undefined;

  function wait(ms: number): Promise<void> {
    if (ms <= 0 || news || stopping) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        endWait = undefined;
        resolve();
      }
      endWait = done;
    });
  }

  async function run() {
    while (!stopping) {
      news = false;
      // A step that throws (its own handling failed too) must neither end the loop nor spin it.
      await wait(await step().catch(() => failedStepWaitMs));
    }
  }

  return {
    start() {
      if (loop) return;
      stopping = false;
      loop = run();
    },
    wake() {
      news = true;
      endWait?.();
    },
    async stop() {
      stopping = true;
      endWait?.();
      await loop;
      loop = undefined;
    },
  };
}
