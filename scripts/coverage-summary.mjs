// Turns the V8 coverage summaries that `KURA_COVERAGE=<dir> npm test` leaves in <dir>/<suite>/
// into one Markdown table (CI appends it to the job summary). Exits 1 when there is none, so a
// coverage run that silently measured nothing shows red.
// Usage: node scripts/coverage-summary.mjs <dir>
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? 'coverage');
const metrics = ['lines', 'statements', 'functions', 'branches'];
const suites = existsSync(dir)
  ? readdirSync(dir)
      .filter((suite) => existsSync(join(dir, suite, 'coverage-summary.json')))
      .sort()
  : [];
if (suites.length === 0) {
  process.stdout.write(`### Test coverage\n\nNo coverage summary found in ${dir}.\n`);
  process.exit(1);
}
const rows = suites.map((suite) => {
  const { total } = JSON.parse(readFileSync(join(dir, suite, 'coverage-summary.json'), 'utf8'));
  const cells = metrics.map((m) => `${Number(total[m].pct).toFixed(1)} % (${total[m].covered}/${total[m].total})`);
  return `| ${suite} | ${cells.join(' | ')} |`;
});
process.stdout.write(
  [
    '### Test coverage',
    '',
    `| suite | ${metrics.join(' | ')} |`,
    `| --- |${' ---: |'.repeat(metrics.length)}`,
    ...rows,
    '',
  ].join('\n'),
);
