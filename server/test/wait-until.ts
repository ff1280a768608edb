/**
 * Waits until `condition` holds, looking again every `everyMs`: tests wait for
 * a state, never for a fixed time, so a busy machine only makes them slower.
 * Gives up after `timeoutMs` (far beyond what a quiet machine needs) with
 * `what` in the error, so a hang fails with a reason instead of a test timeout.
 */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  options: { what: string; timeoutMs?: number; everyMs?: number },
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${options.what}`);
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 20));
  }
}
