// `npm test`: runs each suite, shows its normal output, then prints one
// summary line ("tests: N passed, N failed, N skipped") from the runners' own
// JSON reports. Usage: node scripts/run-tests.mjs [server] [web] [infra] [e2e]
// Runs under whichever node executes it (CI uses this for the Node 24 pass).
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const all = ['server', 'web', 'infra', 'e2e'];
const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  process.stderr.write(`unknown suite: ${unknown.join(', ')} (choose from ${all.join(', ')})\n`);
  process.exit(2);
}
const suites = chosen.length > 0 ? chosen : all;
const reports = mkdtempSync(join(tmpdir(), 'kura-tests-'));

// KURA_COVERAGE=<dir>: each vitest suite also writes its V8 coverage summary to <dir>/<suite>/
// (CI turns it into the job summary with scripts/coverage-summary.mjs).
const coverageDir = process.env.KURA_COVERAGE ? resolve(root, process.env.KURA_COVERAGE) : undefined;
const coverageArgs = (workspace) =>
  coverageDir
    ? [
        '--coverage.enabled=true',
        '--coverage.provider=v8',
        '--coverage.reporter=json-summary',
        '--coverage.reporter=text-summary',
        `--coverage.reportsDirectory=${join(coverageDir, workspace)}`,
      ]
    : [];

function vitest(workspace, report) {
  const bin = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
  return spawnSync(
    process.execPath,
    [bin, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...coverageArgs(workspace)],
    { cwd: join(root, workspace), stdio: 'inherit' },
  );
}

function playwright(report) {
  const bin = join(dirname(require.resolve('@playwright/test/package.json')), 'cli.js');
  return spawnSync(process.execPath, [bin, 'test', '--reporter=list,json'], {
    cwd: join(root, 'web'),
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
  });
}

function countsOf(suite, report) {
  if (!existsSync(report)) return undefined;
  const json = JSON.parse(readFileSync(report, 'utf8'));
  if (suite === 'e2e') {
    const s = json.stats ?? {};
    return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0, skipped: s.skipped ?? 0 };
  }
  return {
    passed: json.numPassedTests ?? 0,
    failed: json.numFailedTests ?? 0,
    skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
  };
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
let ok = true;
for (const suite of suites) {
  const report = join(reports, `${suite}.json`);
  process.stdout.write(`\n━━ ${suite} tests (node ${process.version}) ━━\n`);
  const result = suite === 'e2e' ? playwright(report) : vitest(suite, report);
  const counts = countsOf(suite, report);
  if (!counts) {
    ok = false;
    lines.push(`${suite}: no report (the runner exited with ${result.status ?? result.signal})`);
    totals.failed += 1;
    continue;
  }
  if (result.status !== 0 || counts.failed > 0) ok = false;
  for (const key of Object.keys(totals)) totals[key] += counts[key];
  lines.push(`${suite}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}
rmSync(reports, { recursive: true, force: true });

process.stdout.write(`\n${lines.join('\n')}\n`);
if (process.env.KURA_TEST_TOTALS) appendFileSync(process.env.KURA_TEST_TOTALS, `${JSON.stringify(totals)}\n`);
process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(ok ? 0 : 1);
