import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * CPU time (user + system) a process has used so far, from /proc on Linux;
 * undefined elsewhere. CPU per request is steadier than req/s on a shared,
 * noisy machine: time spent waiting for a core does not count.
 */
let ticksPerSecond: number | undefined;

export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  try {
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    return ((utime + stime) / ticksPerSecond) * 1000;
  } catch {
    return undefined;
  }
}
