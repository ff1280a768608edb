import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Every process the bench starts goes through here, so one call stops them
 * all: on success, on a thrown error and on Ctrl-C. Each child also preloads
 * `exit-with-parent.ts`, which ends it if the bench itself dies uncleanly.
 */

export type Child = {
  name: string;
  process: ChildProcess;
  /** Resolves with the exit code (or the signal's name) once the process has gone. */
  exited: Promise<number | string>;
  /** The last few kilobytes of its stdout and stderr, for error messages. */
  output(): string;
  stop(): Promise<void>;
};

export type StartChildOptions = {
  name: string;
  /** Node arguments after the TypeScript loader: a script path and its arguments. */
  args: string[];
  env: Record<string, string>;
  cwd: string;
};

const children = new Set<Child>();
const outputLimit = 8_000;
const stopGraceMs = 5_000;
const exitGuard = fileURLToPath(new URL('./exit-with-parent.ts', import.meta.url));

export function startChild(options: StartChildOptions): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', '--import', exitGuard, ...options.args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-outputLimit);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const exited = new Promise<number | string>((resolve) => {
    proc.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
    proc.once('error', (err) => {
      keep(Buffer.from(String(err)));
      resolve('spawn error');
    });
  });
  const child: Child = {
    name: options.name,
    process: proc,
    exited,
    output: () => output,
    stop: () => stopChild(child),
  };
  children.add(child);
  void exited.then(() => children.delete(child));
  return child;
}

/** SIGTERM, then SIGKILL if it has not gone after a grace period. */
async function stopChild(child: Child): Promise<void> {
  if (!isRunning(child.process)) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), stopGraceMs);
  await child.exited;
  clearTimeout(timer);
}

export async function stopAllChildren(): Promise<void> {
  await Promise.all([...children].map((child) => child.stop()));
}

/** Last resort from a synchronous `exit` handler: nothing can be awaited there. */
export function killAllChildrenNow(): void {
  for (const child of children) if (isRunning(child.process)) child.process.kill('SIGKILL');
}

/** Runs a one-shot script to completion; rejects with its output when it fails. */
export async function runToCompletion(options: StartChildOptions & { timeoutMs: number }): Promise<void> {
  const child = startChild(options);
  const timer = setTimeout(() => void child.stop(), options.timeoutMs);
  const code = await child.exited;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`${options.name} exited with ${code}:\n${child.output()}`);
}

function isRunning(proc: ChildProcess): boolean {
  return proc.exitCode === null && proc.signalCode === null && proc.pid !== undefined;
}
