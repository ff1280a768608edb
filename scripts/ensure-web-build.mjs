// Builds the web UI for `npm start` when web/dist is missing or older than its
// sources, so a fresh clone works and later starts skip the build.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..', 'web');
const built = join(web, 'dist', 'index.html');

function newestMtime(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stats.mtimeMs);
}

const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json']
  .map((name) => join(web, name))
  .filter((path) => existsSync(path));
const stale = !existsSync(built) || sources.some((path) => newestMtime(path) > statSync(built).mtimeMs);

if (stale) {
  process.stdout.write('building the web UI (only when it changed)…\n');
  const started = performance.now();
  const vite = join(dirname(createRequire(join(web, 'package.json')).resolve('vite/package.json')), 'bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: web, stdio: 'inherit' });
  process.stdout.write(`web UI built (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}
