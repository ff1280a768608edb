import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createKuraApp } from '../lib/app.ts';
import { stubServerDist } from './synth.ts';

/**
 * Every log group in every stack has a retention, including the groups AWS would otherwise create on
 * its own (Lambda's `/aws/lambda/<name>` on a function's first run, with no retention, outside
 * CloudFormation). Synthesised with the Lambda compute path (every environment) and every delivery
 * option, so each kind of function Kura can deploy is in a template here.
 */
// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON, read structurally
type Json = any;
type Resource = { Type: string; Properties?: Record<string, Json>; DependsOn?: string | string[] };
type Template = { Resources?: Record<string, Resource> };

const outdir = mkdtempSync(join(tmpdir(), 'kura-log-retention-'));
const { app } = createKuraApp({
  outdir,
  context: {
    imageTag: 'test-sha',
    compute: 'lambda',
    serverDist: stubServerDist(),
    githubRepository: 'kura-shop/kura',
    gitlabProject: 'kura-shop/platform/kura',
    codeConnectionArn: 'arn:aws:codeconnections:ap-northeast-1:123456789012:connection/abc-123',
  },
});
try {
  app.synth();
} catch {
  // cdk-nag findings fail synth after the templates are written; test/nag.test.ts reports them.
}
const templates: Record<string, Template> = Object.fromEntries(
  readdirSync(outdir)
    .filter((f) => f.endsWith('.template.json'))
    .map((f) => [f.replace('.template.json', ''), JSON.parse(readFileSync(join(outdir, f), 'utf8')) as Template]),
);
const all = (type: string) =>
  Object.entries(templates).flatMap(([stack, t]) =>
    Object.entries(t.Resources ?? {})
      .filter(([, r]) => r.Type === type)
      .map(([id, r]) => ({ stack, id, r })),
  );
const dependsOn = (r: Resource) => (r.DependsOn === undefined ? [] : [r.DependsOn].flat());

describe('every log group in every stack has a retention', () => {
  test('each AWS::Logs::LogGroup sets RetentionInDays', () => {
    const groups = all('AWS::Logs::LogGroup');
    expect(groups.length).toBeGreaterThan(20);
    const without = groups.filter(({ r }) => typeof r.Properties?.RetentionInDays !== 'number');
    expect(without.map(({ stack, id }) => `${stack}/${id}`)).toEqual([]);
  });

  test("each Lambda function logs to a log group of its own template (none is left to Lambda's default)", () => {
    const functions = all('AWS::Lambda::Function');
    // The CDK-made helpers (S3 auto-delete, cross-region exports, the AwsApi target) and the API functions.
    expect(functions.length).toBeGreaterThan(10);
    const unmanaged = functions.filter(({ stack, r }) => {
      const ref = r.Properties?.LoggingConfig?.LogGroup?.Ref;
      return typeof ref !== 'string' || templates[stack]?.Resources?.[ref]?.Type !== 'AWS::Logs::LogGroup';
    });
    expect(unmanaged.map(({ stack, id }) => `${stack}/${id}`)).toEqual([]);
  });

  test('each rotation function (a serverless application) has its /aws/lambda group made before it', () => {
    const applications = all('AWS::Serverless::Application');
    expect(applications.length).toBeGreaterThan(0);
    for (const { stack, id, r } of applications) {
      const name = r.Properties?.Parameters?.functionName;
      expect(typeof name, `${stack}/${id} names its function`).toBe('string');
      const group = Object.entries(templates[stack]?.Resources ?? {}).find(
        ([, g]) => g.Type === 'AWS::Logs::LogGroup' && g.Properties?.LogGroupName === `/aws/lambda/${name}`,
      );
      expect(group, `${stack}/${id}: /aws/lambda/${name}`).toBeDefined();
      expect(dependsOn(r), `${stack}/${id} waits for its log group`).toContain(group?.[0]);
    }
  });

  test('each ECS container logs through awslogs into a log group of its template', () => {
    const containers = all('AWS::ECS::TaskDefinition').flatMap(({ stack, id, r }) =>
      (r.Properties?.ContainerDefinitions ?? []).map((c: Json) => ({ stack, id: `${id}/${c.Name}`, c })),
    );
    expect(containers.length).toBeGreaterThan(5);
    for (const { stack, id, c } of containers) {
      expect(c.LogConfiguration?.LogDriver, id).toBe('awslogs');
      const ref = c.LogConfiguration?.Options?.['awslogs-group']?.Ref;
      expect(templates[stack]?.Resources?.[ref]?.Type, id).toBe('AWS::Logs::LogGroup');
    }
  });
});
