import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { createKuraApp, type KuraStacks } from '../lib/app.ts';
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
