import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Stack } from 'aws-cdk-lib';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { createKuraApp } from '../lib/app.ts';
import { deployVerbs, githubCiCommands, githubEnvironmentVerbs } from './github-workflows.ts';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const workflows = readdirSync(new URL('.github/workflows/', root)).map((f) => ({
  f,
  text: read(`.github/workflows/${f}`),
}));
const scripts = (path: string) => (JSON.parse(read(path)) as { scripts?: Record<string, string> }).scripts ?? {};

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; if?: string };
type Job = {
  needs?: string | string[];
  environment?: string | { name: string };
  if?: string;
  uses?: string;
  steps?: Step[];
  strategy?: { matrix?: Record<string, unknown[]> };
};
type Workflow = { on: Record<string, unknown>; jobs: Record<string, Job> };
const workflow = (f: string) => parse(read(`.github/workflows/${f}`)) as Workflow;
const needsOf = (job: Job) => (job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs]);
const runs = (job: Job) => (job.steps ?? []).map((s) => s.run ?? '').join('\n');

describe('workflows stay consistent with the repository', () => {
  test('every `npm run <script> -w @kura/infra` exists in infra/package.json', () => {
    const infra = scripts('infra/package.json');
    for (const { text } of workflows) {
      for (const [, name] of text.matchAll(/npm run ([\w:-]+) -w @kura\/infra/g))
        expect(infra).toHaveProperty(name as string);
    }
    expect(infra).toHaveProperty('lint:actions');
  });

  // The root scripts (check, build, test) are owned by the root package.json; until it has
  // scripts at all this reports what is missing rather than failing the infra suite.
  const rootScripts = scripts('package.json');
  test.skipIf(Object.keys(rootScripts).length === 0)('every root `npm run <script>` exists', () => {
    for (const { text } of workflows) {
      for (const [, name] of text.matchAll(/npm run ([\w:-]+)(?! -w)\s*$/gm))
        expect(rootScripts).toHaveProperty(name as string);
    }
  });

  test('no long-lived AWS keys; deploy jobs use OIDC', () => {
    for (const { f, text } of workflows) {
      expect(text, f).not.toMatch(/AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|aws-access-key-id/);
    }
    const deploy = read('.github/workflows/deploy-environment.yml');
    expect(deploy).toContain('id-token: write');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS template
    expect(deploy).toContain('role-to-assume: ${{ vars.AWS_DEPLOY_ROLE_ARN }}');
    expect(read('.github/workflows/deploy.yml')).toMatch(/prd:\n\s+needs: \[gate, stg\]/);
  });
});

describe('supply chain: actions are pinned', () => {
  test('every `uses:` of another repository is a full commit SHA with its version in a comment', () => {
    let count = 0;
    for (const { f, text } of workflows) {
      for (const [line, ref] of text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+).*$/gm)) {
        if (ref?.startsWith('./')) continue; // a reusable workflow of this repository
        count++;
        // A tag or branch can be moved to other code; a commit cannot.
        expect(line, `${f}: ${line.trim()}`).toMatch(/uses:\s*[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
      }
    }
    expect(count).toBeGreaterThan(10);
  });

  test('one action is pinned to one commit everywhere (an upgrade moves them all)', () => {
    const pins = new Map<string, Set<string>>();
    for (const { text } of workflows) {
      for (const [, name, sha] of text.matchAll(/uses:\s*([\w./-]+)@([0-9a-f]{40})/g)) {
        const set = pins.get(name as string) ?? new Set();
        set.add(sha as string);
        pins.set(name as string, set);
      }
    }
    for (const [name, shas] of pins) expect([...shas], name).toHaveLength(1);
  });
});

describe('defect 6: a deploy is gated on CI for the same commit and shows its diff before prd', () => {
  const deploy = workflow('deploy.yml');
  const environment = workflow('deploy-environment.yml');

  test('deploy.yml starts when ci completes on main, not on a push of its own', () => {
    expect(Object.keys(deploy.on).sort()).toEqual(['workflow_dispatch', 'workflow_run']);
    expect(deploy.on.workflow_run).toEqual({ workflows: ['ci'], types: ['completed'], branches: ['main'] });
    expect(workflow('ci.yml').on).toHaveProperty('push');
  });

  test('a gate job requires a successful ci run on exactly the SHA that is built and deployed', () => {
    const gate = deploy.jobs.gate;
    expect(gate?.if).toContain("github.event.workflow_run.conclusion == 'success'");
    expect(gate?.if).toContain("github.ref == 'refs/heads/main'");
    const check = gate?.steps?.[0];
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression
    expect(check?.env?.SHA).toBe('${{ github.event.workflow_run.head_sha || github.sha }}');
    expect(check?.run).toMatch(/actions\/workflows\/ci\.yml\/runs\?head_sha=\$\{SHA\}&status=success/);
    // Every other job depends on the gate and uses its SHA, never github.sha (which, for
    // workflow_run, is the newest commit on main rather than the one CI checked).
    for (const [name, job] of Object.entries(deploy.jobs)) {
      if (name === 'gate') continue;
      expect(needsOf(job), name).toContain('gate');
      expect(JSON.stringify(job), name).toContain('needs.gate.outputs.sha');
      expect(JSON.stringify(job), name).not.toContain('github.sha');
    }
    expect(needsOf(deploy.jobs.prd as Job)).toContain('stg');
    expect(needsOf(deploy.jobs.stg as Job)).toContain('dev');
  });

  test('the diff job writes `cdk diff` to the job summary, outside any environment, before the deploy job', () => {
    const diff = environment.jobs.diff as Job;
    const deployJob = environment.jobs.deploy as Job;
    // In the environment it would wait for the prd approval itself, and the approver would see nothing.
    expect(diff.environment).toBeUndefined();
    expect(runs(diff)).toMatch(/scripts\/deploy\.sh synth /);
    expect(runs(diff)).toMatch(/scripts\/deploy\.sh diff .*\| tee -a "\$GITHUB_STEP_SUMMARY"/);
    expect(needsOf(deployJob)).toEqual(['diff']);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression
    expect(deployJob.environment).toMatchObject({ name: '${{ inputs.environment }}' });
    // The deploy job deploys the assembly the diff job showed, not a fresh synth.
    const downloads = (deployJob.steps ?? []).filter((s) => s.uses?.startsWith('actions/download-artifact@'));
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression
    expect(downloads.map((s) => s.with?.name)).toContain('assembly-${{ inputs.environment }}');
    expect(runs(deployJob)).toMatch(/scripts\/deploy\.sh deploy /);
    expect(runs(deployJob)).not.toMatch(/cdk (synth|deploy)/);
  });

  test('`--require-approval never` appears only where the assembly behind a human gate is deployed', () => {
    for (const { f, text } of workflows) expect(text, f).not.toContain('--require-approval');
    const script = read('scripts/deploy.sh');
    const deploys = [...script.matchAll(/^.*--require-approval.*$/gm)].map(([l]) => l.trim());
    expect(deploys).toHaveLength(2);
    for (const l of deploys) expect(l).toMatch(/^cdk deploy --app "\$\{assembly\}" --require-approval never --ci /);
    // The diff is a classic template diff that the read-only lookup role can make.
    expect(script).toMatch(/cdk diff --app "\$\{assembly\}" --no-change-set/);
  });
});

describe('deploy.sh deploys every stack of an environment', () => {
  test('each stack is named on a `cdk deploy` line, or is a dependency of one that is (CDK deploys those first)', () => {
    const { stacks } = createKuraApp({ context: { env: 'dev', imageTag: 'test-sha', 'aws:cdk:bundling-stacks': [] } });
    const dev = Object.values(stacks.dev ?? {}) as Stack[];
    expect(dev.length).toBeGreaterThan(0);
    const deployLines = read('scripts/deploy.sh')
      .split('\n')
      .filter((l) => /^\s*cdk deploy /.test(l))
      .join(' ');
    const named = [...deployLines.matchAll(/"Kura-\$\{env\}-(\w+)"/g)].map(([, suffix]) => `Kura-dev-${suffix}`);
    const deployed = new Set<string>();
    const visit = (stack: Stack) => {
      if (deployed.has(stack.stackName)) return;
      deployed.add(stack.stackName);
      for (const dependency of stack.dependencies) visit(dependency);
    };
    for (const stack of dev.filter((s) => named.includes(s.stackName))) visit(stack);
    expect(dev.map((s) => s.stackName).filter((name) => !deployed.has(name))).toEqual([]);
  });
});

describe('pipeline hygiene: runtime pin, secret scan, coverage, image platform', () => {
  test('.tool-versions pins Node for asdf; CI sets up Node from it and also tests the AWS runtime (24)', () => {
    const [, version] = read('.tool-versions').match(/^nodejs (\d+\.\d+\.\d+)$/m) ?? [];
    expect(version).toBeDefined();
    const [major, minor] = (version as string).split('.').map(Number);
    // package.json engines: >=20.19
    expect((major as number) > 20 || (major === 20 && (minor as number) >= 19)).toBe(true);
    let fromFile = 0;
    for (const { f, text } of workflows) {
      for (const [, how] of text.matchAll(/node-version(?:-file)?: (.+)$/gm)) {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression
        expect(['.tool-versions', '${{ matrix.node }}'], f).toContain(how);
        if (how === '.tool-versions') fromFile++;
      }
    }
    expect(fromFile).toBeGreaterThan(5);
    const matrix = workflow('ci.yml').jobs.test?.strategy?.matrix?.node;
    expect(matrix).toEqual([major, 24]);
    expect(read('Dockerfile')).toMatch(/^ARG NODE_IMAGE=node:24-slim$/m);
  });

  test('`npm run check` scans for secrets: a leaked credential fails it, the local test fixtures do not', () => {
    expect(scripts('package.json').check).toContain('npm run lint:secrets');
    const dir = mkdtempSync(join(tmpdir(), 'kura-secrets-'));
    const file = join(dir, 'leak.ts');
    const secretlint = fileURLToPath(new URL('node_modules/secretlint/bin/secretlint.js', root));
    const scan = () =>
      spawnSync(
        process.execPath,
        [secretlint, '--secretlintrc', fileURLToPath(new URL('.secretlintrc.json', root)), file],
        {
          encoding: 'utf8',
          cwd: dir,
        },
      );
    writeFileSync(file, "export const url = 'postgres://kura:kura@127.0.0.1:5432/kura';\n");
    expect(scan().status).toBe(0);
    // A made-up password to a made-up host: the shape a real leak has (joined here, or this very
    // file would fail the scan).
    writeFileSync(
      file,
      `export const url = '${['postgres://app', 'Xk9vQz7Lw2pRt@db.internal.example:5432/app'].join(':')}';\n`,
    );
    const leaked = scan();
    expect(leaked.status).toBe(1);
    expect(leaked.stdout).toContain('PostgreSQLConnection');
  });

  test('CI reports test coverage in the job summary', () => {
    const job = workflow('ci.yml').jobs.test as Job;
    const test = job.steps?.find((s) => s.run === 'npm test');
    expect(test?.env?.KURA_COVERAGE).toContain('coverage');
    expect(runs(job)).toContain('node scripts/coverage-summary.mjs coverage >> "$GITHUB_STEP_SUMMARY"');
    expect(read('scripts/run-tests.mjs')).toContain('--coverage.reporter=json-summary');

    const dir = mkdtempSync(join(tmpdir(), 'kura-coverage-'));
    const summary = fileURLToPath(new URL('scripts/coverage-summary.mjs', root));
    const none = spawnSync(process.execPath, [summary, dir], { encoding: 'utf8' });
    expect(none.status).toBe(1);
    mkdirSync(join(dir, 'server'));
    const total = (covered: number, all: number) => ({ total: all, covered, pct: (100 * covered) / all });
    writeFileSync(
      join(dir, 'server', 'coverage-summary.json'),
      JSON.stringify({
        total: { lines: total(80, 100), statements: total(160, 200), functions: total(9, 10), branches: total(3, 4) },
      }),
    );
    const one = spawnSync(process.execPath, [summary, dir], { encoding: 'utf8' });
    expect(one.status).toBe(0);
    expect(one.stdout).toContain('| server | 80.0 % (80/100) | 80.0 % (160/200) | 90.0 % (9/10) | 75.0 % (3/4) |');
  });

  test('every image build targets linux/amd64, the architecture the ECS tasks declare', () => {
    expect(read('infra/lib/constructs/kura-task.ts')).toContain('cpuArchitecture: ecs.CpuArchitecture.X86_64');
    const builds = [...workflows.map((w) => w.text), read('scripts/deploy.sh')].flatMap((t) =>
      [...t.matchAll(/docker build[^\n]*/g)].map(([l]) => l),
    );
    expect(builds.length).toBeGreaterThanOrEqual(2);
    for (const b of builds) expect(b).toContain('--platform linux/amd64');
  });
});

describe('GitLab CI runs the same pipeline as GitHub Actions (ADR 0015)', () => {
  type GitLabJob = {
    stage?: string;
    extends?: string;
    script?: string[];
    needs?: string[];
    environment?: { name: string };
    rules?: Array<{ if: string; when?: string }>;
    variables?: Record<string, string>;
  };
  const gitlab = parse(read('.gitlab-ci.yml')) as Record<string, unknown> & { stages: string[] };
  const jobs = Object.entries(gitlab).filter(
    ([name, job]) =>
      !name.startsWith('.') &&
      typeof job === 'object' &&
      !Array.isArray(job) &&
      name !== 'default' &&
      name !== 'variables',
  ) as Array<[string, GitLabJob]>;
  /** A job's script with its `extends` chain resolved (GitLab merges hashes, replaces arrays). */
  const resolved = (job: GitLabJob): GitLabJob => {
    const parent = job.extends ? resolved(gitlab[job.extends] as GitLabJob) : {};
    return { ...parent, ...job, variables: { ...parent.variables, ...job.variables } };
  };
  const scriptOf = (name: string) => (resolved(gitlab[name] as GitLabJob).script ?? []).join('\n');

  test('every job has a declared stage', () => {
    expect(jobs.length).toBeGreaterThan(8);
    for (const [name, job] of jobs) expect(gitlab.stages, name).toContain(job.stage);
  });

  test("every command GitHub's ci workflow runs, GitLab runs too", () => {
    const commands = githubCiCommands();
    expect(commands).toEqual(expect.arrayContaining(['npm run check', 'npm test', 'npm run build']));
    const all = jobs.map(([name]) => scriptOf(name)).join('\n');
    for (const command of commands) expect(all, command).toContain(command);
    expect(all).toContain('node scripts/coverage-summary.mjs coverage');
  });

  test('each environment: diff, then a deploy of that assembly; prd is manual and runs after its diff', () => {
    const githubSteps = githubEnvironmentVerbs();
    expect(githubSteps).toEqual(['synth', 'diff', 'deploy']);
    let previous: string | undefined;
    for (const env of ['dev', 'stg', 'prd']) {
      const diff = resolved(gitlab[`diff-${env}`] as GitLabJob);
      const deploy = resolved(gitlab[`deploy-${env}`] as GitLabJob);
      const verbs = deployVerbs([scriptOf(`diff-${env}`), scriptOf(`deploy-${env}`)]);
      expect(verbs, env).toEqual(githubSteps);
      expect(diff.variables?.KURA_ENV).toBe(env);
      expect(deploy.variables?.KURA_ENV).toBe(env);
      expect(deploy.needs).toContain(`diff-${env}`);
      expect(deploy.environment?.name).toBe(env);
      expect(diff.environment).toBeUndefined();
      // The deploy of an environment waits for the one before it; the first waits for all of CI.
      expect(diff.needs).toEqual(previous ? [previous] : ['check', 'test', 'infra', 'audit', 'build']);
      previous = `deploy-${env}`;
    }
    expect(resolved(gitlab['deploy-prd'] as GitLabJob).rules?.[0]?.when).toBe('manual');
    expect(read('.gitlab-ci.yml')).not.toContain('--require-approval');
  });
});

describe('docs/deploy.md: an empty account to a running Kura with no hand-made roles', () => {
  const doc = read('docs/deploy.md');

  test('no IAM role or OIDC provider is made by hand; Kura-Delivery comes right after cdk bootstrap', () => {
    expect(doc).not.toMatch(/aws iam (create-role|create-open-id-connect-provider|put-role-policy)/);
    const bootstrap = doc.indexOf('cdk bootstrap');
    const delivery = doc.indexOf('npx cdk deploy Kura-Delivery');
    const firstDeploy = doc.indexOf('scripts/deploy.sh deploy');
    expect(bootstrap).toBeGreaterThan(0);
    expect(delivery).toBeGreaterThan(bootstrap);
    expect(firstDeploy).toBeGreaterThan(delivery);
  });

  test('the variables and outputs it names are the ones the workflows read and the stack exports', () => {
    const stack = read('infra/lib/stacks/delivery-stack.ts');
    for (const output of ['GitHubDiffRoleArn', 'GitHubDeployRoleArn']) {
      expect(doc).toContain(output);
      expect(stack).toContain(`'${output}'`);
    }
    expect(read('.github/workflows/deploy-environment.yml')).toContain(
      "format('AWS_DIFF_ROLE_ARN_{0}', inputs.environment)",
    );
    for (const env of ['DEV', 'STG', 'PRD']) expect(doc).toContain(`AWS_DIFF_ROLE_ARN_${env}`);
    expect(doc).toContain('linux/amd64');
  });
});
