import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createKuraApp } from '../lib/app.ts';
import { stubServerDist } from './synth.ts';

/**
 * Issue 15: X-Ray and Lambda Insights on every Kura function, Insights' account-wide log group with a
 * retention, and the telemetry readings in AWS Backup with the cross-region copy the database has.
 * Synthesised with the Lambda compute path, so the product and order API functions are in the templates.
 */
// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON, read structurally
type Json = any;
type Resource = { Type: string; Properties?: Record<string, Json>; DependsOn?: string | string[] };

const outdir = mkdtempSync(join(tmpdir(), 'kura-observed-'));
const { app } = createKuraApp({
  outdir,
  context: { imageTag: 'test-sha', compute: 'lambda', serverDist: stubServerDist(), 'aws:cdk:bundling-stacks': [] },
});
try {
  app.synth();
} catch {
  // cdk-nag findings fail synth after the templates are written; test/nag.test.ts reports them.
}
const templates: Record<string, { Resources?: Record<string, Resource> }> = Object.fromEntries(
  readdirSync(outdir)
    .filter((f) => f.endsWith('.template.json'))
    .map((f) => [f.replace('.template.json', ''), JSON.parse(readFileSync(join(outdir, f), 'utf8'))]),
);
const all = (type: string) =>
  Object.entries(templates).flatMap(([stack, t]) =>
    Object.entries(t.Resources ?? {})
      .filter(([, r]) => r.Type === type)
      .map(([id, r]) => ({ stack, id, r })),
  );

/** CDK's own deploy-time helpers (auto-delete, cross-region exports, AwsCustomResource, LogRetention): not Kura's code. */
const cdkHelper = /^(CustomS3AutoDeleteObjects|CustomCrossRegionExport|AWS[0-9a-f]{32}|LogRetention[0-9a-f]{32})/;

describe('every Kura function is traced and measured (X-Ray, Lambda Insights)', () => {
  const functions = all('AWS::Lambda::Function').filter(({ id }) => !cdkHelper.test(id));

  test('the product and order APIs, the migration runner and telemetry: active tracing and the Insights layer', () => {
    const names = functions.map(({ stack, id }) => `${stack}/${id}`);
    for (const env of ['dev', 'stg', 'prd']) {
      for (const kind of [
        'ApiLambdasProductFunction',
        'ApiLambdasOrderFunction',
        'MigrationRunner',
        'TelemetryIngest',
        'TelemetryAlert',
      ])
        expect(
          names.some((n) => n.startsWith(`Kura-${env}-App/${kind}`)),
          `${env} ${kind}`,
        ).toBe(true);
    }
    const untraced = functions.filter(({ r }) => r.Properties?.TracingConfig?.Mode !== 'Active');
    expect(untraced.map(({ stack, id }) => `${stack}/${id}`)).toEqual([]);
    const unmeasured = functions.filter(
      ({ r }) => !JSON.stringify(r.Properties?.Layers ?? []).includes(':layer:LambdaInsightsExtension'),
    );
    expect(unmeasured.map(({ stack, id }) => `${stack}/${id}`)).toEqual([]);
  });

  test('each of their roles may write traces and Insights metrics', () => {
    for (const { stack, id, r } of functions) {
      const roleId = r.Properties?.Role?.['Fn::GetAtt']?.[0];
      const resources = templates[stack]?.Resources ?? {};
      const policies = Object.values(resources).filter(
        (p) => p.Type === 'AWS::IAM::Policy' && JSON.stringify(p.Properties?.Roles).includes(roleId),
      );
      expect(JSON.stringify(policies), `${stack}/${id}`).toContain('xray:PutTraceSegments');
      expect(JSON.stringify(resources[roleId]?.Properties?.ManagedPolicyArns), `${stack}/${id}`).toContain(
        'CloudWatchLambdaInsightsExecutionRolePolicy',
      );
    }
  });

  test("Insights' account-wide /aws/lambda-insights group gets the longest retention in every App stack, kept on delete", () => {
    for (const env of ['dev', 'stg', 'prd']) {
      const retention = Object.values(templates[`Kura-${env}-App`]?.Resources ?? {}).filter(
        (r) => r.Type === 'Custom::LogRetention',
      );
      expect(
        retention.map((r) => [r.Properties?.LogGroupName, r.Properties?.RetentionInDays]),
        env,
      ).toEqual([['/aws/lambda-insights', 90]]);
    }
  });
});

describe('the telemetry readings are backed up like the database', () => {
  test.each(['dev', 'stg', 'prd'])(
    '%s: the readings table is selected in the plan whose rule copies to the DR vault',
    (env) => {
      const resources = templates[`Kura-${env}-Data`]?.Resources ?? {};
      const selections = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Backup::BackupSelection');
      const readings = selections.find(([id]) => id.startsWith('BackupPlanTelemetryReadings'));
      const tableId = Object.entries(resources).find(
        ([id, r]) => r.Type === 'AWS::DynamoDB::Table' && id.startsWith('Telemetry'),
      )?.[0];
      expect(JSON.stringify(readings?.[1].Properties?.BackupSelection.Resources)).toContain(tableId);
      const planId = readings?.[1].Properties?.BackupPlanId['Fn::GetAtt'][0];
      const rules = resources[planId]?.Properties?.BackupPlan.BackupPlanRule;
      expect(rules).toHaveLength(1);
      expect(JSON.stringify(rules[0].CopyActions)).toContain(`backup-vault:kura-${env}-dr`);
      // DynamoDB is copied across regions only with advanced backups on, which is set before the selection.
      const [advancedId, advanced] =
        Object.entries(resources).find(([id]) => id.startsWith('DynamoDbAdvancedBackup')) ?? [];
      expect(JSON.stringify(advanced?.Properties)).toContain('updateRegionSettings');
      expect(JSON.stringify(advanced?.Properties)).toContain('\\"DynamoDB\\":true');
      expect([readings?.[1].DependsOn].flat()).toContain(advancedId);
    },
  );
});
