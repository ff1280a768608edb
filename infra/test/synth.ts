import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { addDelivery, createKuraApp, type KuraStacks } from '../lib/app.ts';
import type { EnvironmentName } from '../lib/config/schema.ts';

export interface SynthesisedEnvironment {
  readonly stacks: KuraStacks;
  readonly network: Template;
  readonly data: Template;
  readonly waf: Template;
  readonly app: Template;
}

/**
 * Synthesises one environment once (the expensive part) and returns its templates. The functions that
 * esbuild bundles at synth (telemetry's) are bundled only when asked: a template is the same without,
 * and each bundle costs seconds on a busy machine.
 */
export function synthesiseEnvironment(
  name: EnvironmentName,
  options: { bundle?: boolean } = {},
): SynthesisedEnvironment {
  const bundling = options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] };
  const { stacks } = createKuraApp({ context: { env: name, imageTag: 'test-sha', ...bundling } });
  const env = stacks[name];
  if (!env) throw new Error(`environment ${name} was not built`);
  return {
    stacks: env,
    network: Template.fromStack(env.network),
    data: Template.fromStack(env.data),
    waf: Template.fromStack(env.waf),
    app: Template.fromStack(env.app),
  };
}

/** A server/dist with what the Lambda functions zip (a handler and the CA bundle), without `npm run build`. */
export function stubServerDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kura-dist-'));
  writeFileSync(join(dir, 'lambda.mjs'), 'export const handler = async () => ({ statusCode: 200 });\n');
  writeFileSync(join(dir, 'rds-ca-bundle.pem'), '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n');
  return dir;
}

/** cdk-nag's validation report, as synth writes it. */
export interface NagReport {
  pluginReports: Array<{ pluginName: string; violations: unknown[] }>;
}

/**
 * The account-level delivery stacks (Kura-Delivery, Kura-Pipeline) exactly as the app builds them from
 * this CDK context (`addDelivery`, its acknowledgements included), synthesised once with cdk-nag. The
 * templates are read from what synth wrote: Template.fromStack would synthesise (and validate) again.
 */
export function synthDelivery(context: Record<string, string>) {
  const outdir = mkdtempSync(join(tmpdir(), 'kura-delivery-'));
  const app = new App({ outdir, context });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stacks = addDelivery(app, '123456789012');
  let error: unknown;
  try {
    app.synth();
  } catch (e) {
    error = e;
  }
  const read = (file: string) => JSON.parse(readFileSync(join(outdir, file), 'utf8'));
  return {
    stacks,
    error,
    report: read('validation-report.json') as NagReport,
    template: (stackName: string) => read(`${stackName}.template.json`),
  };
}
