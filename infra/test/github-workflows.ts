import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * What GitHub Actions, the primary pipeline (ADR 0015), runs: the one reference that GitLab CI
 * (workflows.test.ts) and the CodeBuild buildspecs (pipeline.test.ts) are compared with.
 */
type Job = { steps?: Array<{ run?: string }> };
const workflow = (f: string) =>
  parse(readFileSync(new URL(`../../.github/workflows/${f}`, import.meta.url), 'utf8')) as {
    jobs: Record<string, Job>;
  };

/** A job's `run` steps, one command a line. */
export const runLines = (job: Job | undefined) => (job?.steps ?? []).flatMap((s) => (s.run ? s.run.split('\n') : []));

/** The npm commands of GitHub's ci workflow, but `npm ci` (each pipeline installs its own way). */
export const githubCiCommands = () =>
  Object.values(workflow('ci.yml').jobs)
    .flatMap(runLines)
    .filter((line) => line.startsWith('npm ') && !line.startsWith('npm ci'));

/** The scripts/deploy.sh verbs these scripts call, in order. */
export const deployVerbs = (scripts: string[]) =>
  scripts.flatMap((script) => [...script.matchAll(/scripts\/deploy\.sh (\w+)/g)].map(([, verb]) => verb as string));

/** GitHub's steps for one environment: the deploy.sh verbs of deploy-environment.yml's diff and deploy jobs. */
export const githubEnvironmentVerbs = () => {
  const { jobs } = workflow('deploy-environment.yml');
  return deployVerbs([...runLines(jobs.diff), ...runLines(jobs.deploy)]);
};

/** The lines of deploy.yml's build job (the bundles, then the image). */
export const githubBuildLines = () => runLines(workflow('deploy.yml').jobs.build);
