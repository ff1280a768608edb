// One task's process: its own environment only (nothing inherited from the rehearsal's), its output
// kept to show when a step fails, and waits that end on a condition or a deadline, never a fixed sleep.
import { spawn } from 'node:child_process';

export function startTask({ name, node, args, cwd, env, user }) {
  const child = spawn(node, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], ...(user ?? {}) });
  const lines = [];
  const listeners = new Set();
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
    child.on('error', (err) => resolve({ code: null, signal: null, error: err }));
  });
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        for (const listener of listeners) listener(line);
      }
    });
  }
  return {
    name,
    pid: child.pid,
    exited,
    /** The last lines it printed, for a failure message. */
    tail: (count = 25) => lines.slice(-count).join('\n'),
    lines: () => [...lines],
    /** Resolves with the first line (already printed or to come) that matches; rejects on exit or deadline. */
    waitForLine(pattern, { timeoutMs }) {
      const seen = lines.find((l) => pattern.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(onLine);
          reject(new Error(`${name}: no line matching ${pattern} within ${timeoutMs} ms`));
        }, timeoutMs);
        const onLine = (line) => {
          if (!pattern.test(line)) return;
          clearTimeout(timer);
          listeners.delete(onLine);
          resolve(line);
        };
        listeners.add(onLine);
        exited.then(({ code, signal }) => {
          clearTimeout(timer);
          listeners.delete(onLine);
          reject(new Error(`${name} exited (code ${code}, signal ${signal}) before printing ${pattern}`));
        });
      });
    },
    /** Exit status within `timeoutMs`, or an error (the process is then killed). */
    async waitForExit({ timeoutMs }) {
      let timer;
      const late = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${name} did not exit within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        return await Promise.race([exited, late]);
      } catch (err) {
        child.kill('SIGKILL');
        throw err;
      } finally {
        clearTimeout(timer);
      }
    },
    stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}

/** Calls `read` until `done(value)` holds or `timeoutMs` passes (then throws with the last value). */
export async function waitUntil(read, done, { timeoutMs, intervalMs = 200, what }) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await read();
      if (done(last)) return last;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    if (Date.now() >= deadline)
      throw new Error(`${what}: not so within ${timeoutMs} ms (last: ${JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
