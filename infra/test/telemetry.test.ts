import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadEnvironmentConfig } from '../lib/config/environments.ts';
import { catalogueEntries, resourcesOf } from '../lib/constructs/catalogue-alarms.ts';
import { serverEntry } from '../lib/constructs/kura-function.ts';
import { alertEvents, eventBusSetting, ingestRoute, telemetrySettings } from '../lib/constructs/telemetry.ts';
import { readingsTableSchema } from '../lib/constructs/telemetry-store.ts';
import { type SynthesisedEnvironment, synthesiseEnvironment } from './synth.ts';

/** Issue 14's infrastructure: the readings table, the alert path to the worker, their alarms. */
let dev: SynthesisedEnvironment;
let prd: SynthesisedEnvironment;
beforeAll(() => {
  // dev's functions are bundled for real: the zips are checked below.
  dev = synthesiseEnvironment('dev', { bundle: true });
  prd = synthesiseEnvironment('prd');
}, 600_000);

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON
type Json = any;
const resources = (t: SynthesisedEnvironment['app'], type: string, idPrefix: string) =>
  Object.entries(t.findResources(type) as Record<string, Json>).filter(([id]) => id.startsWith(idPrefix));
const only = (t: SynthesisedEnvironment['app'], type: string, idPrefix: string): [string, Json] => {
  const found = resources(t, type, idPrefix);
  expect(found.map(([id]) => id)).toHaveLength(1);
  return found[0] as [string, Json];
};

describe('readings table (data stack)', () => {
  test('keyed by device and ISO instant, a TTL attribute, on demand, PITR, its own rotating KMS key', () => {
    for (const env of [dev, prd]) {
      const [, table] = only(env.data, 'AWS::DynamoDB::Table', 'Telemetry');
      expect(table.Properties).toMatchObject({
        KeySchema: [
          { AttributeName: 'deviceId', KeyType: 'HASH' },
          { AttributeName: 'ts', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: 'deviceId', AttributeType: 'S' },
          { AttributeName: 'ts', AttributeType: 'S' },
        ],
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 35 },
        SSESpecification: {
          SSEEnabled: true,
          SSEType: 'KMS',
          KMSMasterKeyId: { 'Fn::GetAtt': [expect.any(String), 'Arn'] },
        },
      });
      const keyId = table.Properties.SSESpecification.KMSMasterKeyId['Fn::GetAtt'][0];
      expect(keyId).toMatch(/^TelemetryKey/);
      env.data.hasResource('AWS::KMS::Key', Match.objectLike({}));
      expect(env.data.findResources('AWS::KMS::Key')[keyId]?.Properties.EnableKeyRotation).toBe(true);
      // No stream: the rollups are kept at ingest, nothing consumes one.
      expect(table.Properties.StreamSpecification).toBeUndefined();
    }
  });

  test('prd keeps the table and refuses to delete it; dev may be torn down', () => {
    const [, prdTable] = only(prd.data, 'AWS::DynamoDB::Table', 'Telemetry');
    expect(prdTable.Properties.DeletionProtectionEnabled).toBe(true);
    expect([prdTable.DeletionPolicy, prdTable.UpdateReplacePolicy]).toEqual(['Retain', 'Retain']);
    const [, devTable] = only(dev.data, 'AWS::DynamoDB::Table', 'Telemetry');
    expect(devTable.Properties.DeletionProtectionEnabled).toBe(false);
    expect(devTable.DeletionPolicy).toBe('Delete');
  });

  test('the exported schema is what the table is built from (the constants other code checks against)', () => {
    expect(readingsTableSchema.partitionKey).toEqual({ name: 'deviceId', type: 'S' });
    expect(readingsTableSchema.sortKey).toEqual({ name: 'ts', type: 'S' });
    expect(readingsTableSchema.timeToLiveAttribute).toBe('expiresAt');
  });
});

describe('alert events to the worker', () => {
  test('a rule on the telemetry bus sends AlertRaised/AlertCleared to the worker queue as bare envelopes', () => {
    dev.app.hasResourceProperties('AWS::Events::EventBus', { Name: 'kura-dev-telemetry' });
    const [ruleId, rule] = only(dev.app, 'AWS::Events::Rule', 'Telemetry');
    expect(rule.Properties.EventBusName).toEqual({ Ref: expect.stringMatching(/^TelemetryBus/) });
    expect(rule.Properties.EventPattern).toEqual({
      source: [alertEvents.source],
      'detail-type': ['AlertRaised', 'AlertCleared'],
    });
    expect(rule.Properties.Targets).toHaveLength(1);
    const [target] = rule.Properties.Targets;
    expect(target).toMatchObject({
      Arn: { 'Fn::GetAtt': [expect.stringMatching(/^MessagingEvents[0-9A-F]{8}$/), 'Arn'] },
      // the worker parses each message body as an event envelope: the detail, not EventBridge's wrapper
      InputPath: '$.detail',
      DeadLetterConfig: { Arn: { 'Fn::GetAtt': [expect.stringMatching(/^TelemetryDeliveryDlq/), 'Arn'] } },
      RetryPolicy: { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 },
    });
    // EventBridge may send to the worker queue only for this rule.
    const [, policy] = only(dev.app, 'AWS::SQS::QueuePolicy', 'MessagingEventsPolicy');
    const grants = policy.Properties.PolicyDocument.Statement.filter((s: Json) => s.Effect === 'Allow');
    expect(grants).toEqual([
      expect.objectContaining({
        Principal: { Service: 'events.amazonaws.com' },
        Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [ruleId, 'Arn'] } } },
      }),
    ]);
  });

  test('the relays (API and worker tasks) may PutEvents on that bus only, and have its name in their environment', () => {
    const busArn = { 'Fn::GetAtt': [expect.stringMatching(/^TelemetryBus/), 'Arn'] };
    const putters = Object.entries(dev.app.findResources('AWS::IAM::Policy') as Record<string, Json>).flatMap(
      ([, policy]) =>
        policy.Properties.PolicyDocument.Statement.filter((s: Json) => actionsOf(s).includes('events:PutEvents')).map(
          (s: Json) => ({ statement: s, roles: policy.Properties.Roles }),
        ),
    );
    expect(putters).toHaveLength(2);
    for (const { statement, roles } of putters) {
      expect(statement).toEqual({ Action: 'events:PutEvents', Effect: 'Allow', Resource: busArn });
      expect(roles).toHaveLength(1);
    }
    const roleIds = putters.map(({ roles }) => roles[0].Ref).sort();
    expect(roleIds).toEqual([
      expect.stringMatching(/^ApiTask.*TaskRole/),
      expect.stringMatching(/^StockWorkerTask.*TaskRole/),
    ]);
    // Each task's container is told the bus (the server routes AlertRaised/AlertCleared there).
    const taskDefinitions = Object.entries(dev.app.findResources('AWS::ECS::TaskDefinition') as Record<string, Json>);
    const told = taskDefinitions
      .filter(([, td]) =>
        td.Properties.ContainerDefinitions.some((c: Json) =>
          (c.Environment ?? []).some(
            (e: Json) => e.Name === eventBusSetting && JSON.stringify(e.Value).match(/"Ref":"TelemetryBus/),
          ),
        ),
      )
      .map(([id]) => id)
      .sort();
    expect(told).toEqual([expect.stringMatching(/^ApiTask/), expect.stringMatching(/^StockWorkerTask/)]);
  });

  test('the alert queue redrives to its DLQ; every telemetry queue is encrypted and TLS-only', () => {
    const [, queue] = only(dev.app, 'AWS::SQS::Queue', 'TelemetryAlertQueue');
    expect(queue.Properties.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': [expect.stringMatching(/^TelemetryAlertDlq/), 'Arn'] },
      maxReceiveCount: 5,
    });
    // Six times the alert function's 30 s timeout.
    expect(queue.Properties.VisibilityTimeout).toBe(180);
    const queues = resources(dev.app, 'AWS::SQS::Queue', 'Telemetry');
    expect(queues).toHaveLength(3);
    for (const [, q] of queues) expect(q.Properties.SqsManagedSseEnabled).toBe(true);
    const policies = resources(dev.app, 'AWS::SQS::QueuePolicy', 'Telemetry');
    expect(policies).toHaveLength(3);
    for (const [, p] of policies)
      expect(JSON.stringify(p.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
  });
});

const fn = (name: 'Ingest' | 'Alert'): [string, Json] => only(dev.app, 'AWS::Lambda::Function', `Telemetry${name}`);
/** Every Allow statement of the policies attached to a role, by the role's logical id. */
const statementsOf = (roleId: string): Json[] =>
  Object.values(dev.app.findResources('AWS::IAM::Policy'))
    .filter((p: Json) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap((p: Json) => p.Properties.PolicyDocument.Statement);
const actionsOf = (statement: Json): string[] => [statement.Action].flat();
const dataExport = (fragment: string) => ({ 'Fn::ImportValue': expect.stringContaining(fragment) });

describe('telemetry functions', () => {
  test.each(['Ingest', 'Alert'] as const)('%s: Node 24 on arm64, X-Ray active, Lambda Insights, in the VPC', (name) => {
    const [, f] = fn(name);
    expect(f.Properties).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      TracingConfig: { Mode: 'Active' },
      Layers: [expect.stringMatching(/:layer:LambdaInsightsExtension-Arm64:\d+$/)],
      VpcConfig: {
        SecurityGroupIds: [dataExport('NetworkApiSg')],
        SubnetIds: [dataExport('privateSubnet1'), dataExport('privateSubnet2')],
      },
      LoggingConfig: { LogGroup: { Ref: expect.stringMatching(`^Telemetry${name}Logs`) } },
    });
    const env = f.Properties.Environment.Variables;
    expect(env).toMatchObject({
      KURA_PROFILE: 'dev',
      DATABASE_SSL: 'true',
      DATABASE_CA_FILE: '/var/task/rds-ca-bundle.pem',
      KURA_DATABASE_SECRET_ARN: dataExport('DataAppSecretAttachment'),
      [telemetrySettings.store]: 'dynamodb',
      [telemetrySettings.table]: dataExport('TelemetryReadings'),
    });
    // Lambda sets the region itself and refuses a function that sets it.
    expect(env.AWS_REGION).toBeUndefined();
    const logs = dev.app.findResources('AWS::Logs::LogGroup')[f.Properties.LoggingConfig.LogGroup.Ref];
    expect(logs?.Properties.RetentionInDays).toBe(loadEnvironmentConfig('dev').logRetentionDays);
  });

  test('each zip is the entry bundled small, with the RDS CA bundle the database settings name', () => {
    const outdir = (dev.stacks.app.node.root as App).outdir;
    const { telemetry } = dev.stacks.app;
    for (const name of ['Ingest', 'Alert'] as const) {
      const code = telemetry[name === 'Ingest' ? 'ingest' : 'alert'].function.node.findChild('Code') as Asset;
      const dir = join(outdir, code.assetPath);
      expect(readdirSync(dir).sort()).toEqual(['index.mjs', 'index.mjs.map', 'rds-ca-bundle.pem']);
      // Measured 2026-12-03: ingest 1.13 MB, alert 1.03 MB minified (zod, the AWS SDK, drizzle, pg).
      expect(statSync(join(dir, 'index.mjs')).size).toBeLessThan(2_000_000);
      const bundle = readFileSync(join(dir, 'index.mjs'), 'utf8');
      // ESM with a require() for the CommonJS dependencies; the embedded database is never bundled.
      expect(bundle.startsWith("import { createRequire as __kuraCreateRequire } from 'node:module';")).toBe(true);
      expect(bundle).not.toContain('PGlite.create');
      expect(readFileSync(join(dir, 'rds-ca-bundle.pem'), 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/);
    }
  });

  test("the entries are the server's own handlers (they exist and export handler)", () => {
    for (const entry of ['ingest-lambda', 'alert-lambda']) {
      expect(readFileSync(serverEntry(entry), 'utf8')).toMatch(/export (const|async function) handler\b/);
    }
    // The settings the functions get are the ones the server's config reads.
    const config = readFileSync(join(serverEntry('x'), '../../platform/config/config.ts'), 'utf8');
    for (const name of Object.values(telemetrySettings)) expect(config).toMatch(new RegExp(`\\b${name}:`));
    expect(config).toContain("TELEMETRY_STORE: z.enum(['postgres', 'dynamodb']");
  });

  test('the alert function reads its queue in batches and reports partial failures', () => {
    const [alertId, alert] = fn('Alert');
    const [, mapping] = only(dev.app, 'AWS::Lambda::EventSourceMapping', 'TelemetryAlert');
    expect(mapping.Properties).toMatchObject({
      FunctionName: { Ref: alertId },
      EventSourceArn: { 'Fn::GetAtt': [expect.stringMatching(/^TelemetryAlertQueue/), 'Arn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 10,
      ScalingConfig: { MaximumConcurrency: 2 },
    });
    const [, queue] = only(dev.app, 'AWS::SQS::Queue', 'TelemetryAlertQueue');
    expect(queue.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * alert.Properties.Timeout);
  });
});

describe('ingest API', () => {
  test('one route, POST /ingest/v1/readings, to the ingest function; the device key is checked there', () => {
    const routes = resources(dev.app, 'AWS::ApiGatewayV2::Route', 'Telemetry');
    expect(routes.map(([, r]) => r.Properties.RouteKey)).toEqual([`${ingestRoute.method} ${ingestRoute.path}`]);
    expect(routes[0]?.[1].Properties.AuthorizationType).toBe('NONE');
    const [, integration] = only(dev.app, 'AWS::ApiGatewayV2::Integration', 'Telemetry');
    expect(integration.Properties).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [fn('Ingest')[0], 'Arn'] },
    });
  });

  test('the stage throttles the whole fleet and writes JSON access logs to a log group with retention', () => {
    // From each environment's config (telemetry.ingestRatePerSecond / ingestBurst): dev allows a tenth of prd.
    for (const [env, rate, burst] of [[prd, 50, 100] as const]) {
      const [, prdStage] = only(env.app, 'AWS::ApiGatewayV2::Stage', 'Telemetry');
      expect(prdStage.Properties.DefaultRouteSettings).toEqual({
        ThrottlingRateLimit: rate,
        ThrottlingBurstLimit: burst,
      });
    }
    const [, stage] = only(dev.app, 'AWS::ApiGatewayV2::Stage', 'Telemetry');
    expect(stage.Properties.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 });
    const groupId = stage.Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'][0];
    expect(dev.app.findResources('AWS::Logs::LogGroup')[groupId]?.Properties.RetentionInDays).toBe(14);
    expect(JSON.parse(stage.Properties.AccessLogSettings.Format)).toMatchObject({
      status: '$context.status',
      latencyMs: '$context.responseLatency',
    });
  });

  test('devices and the pipeline find the endpoint: an output and /kura/<env>/ingest-url', () => {
    const apiId = only(dev.app, 'AWS::ApiGatewayV2::Api', 'Telemetry')[0];
    dev.app.hasOutput('IngestUrl', { Value: { 'Fn::GetAtt': [apiId, 'ApiEndpoint'] } });
    dev.app.hasResourceProperties('AWS::SSM::Parameter', { Name: '/kura/dev/ingest-url', Type: 'String' });
  });
});

describe('least privilege', () => {
  const roleOf = (name: 'Ingest' | 'Alert') => fn(name)[1].Properties.Role['Fn::GetAtt'][0] as string;
  const everything = (name: 'Ingest' | 'Alert') => statementsOf(roleOf(name)).flatMap(actionsOf);

  test('ingest writes readings (no Scan, no DeleteItem) under its own key, reads the app login, nothing else', () => {
    const statements = statementsOf(roleOf('Ingest'));
    const dynamo = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
    expect(dynamo).toEqual([
      expect.objectContaining({
        Action: [
          'dynamodb:GetItem',
          'dynamodb:BatchGetItem',
          'dynamodb:Query',
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
          'dynamodb:BatchWriteItem',
          'dynamodb:ConditionCheckItem',
        ],
        Resource: [dataExport('TelemetryReadings')],
      }),
    ]);
    const kms = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')));
    expect(kms).toEqual([expect.objectContaining({ Resource: dataExport('TelemetryKey') })]);
    const secrets = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('secretsmanager:')));
    expect(secrets).toEqual([
      {
        Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        Effect: 'Allow',
        Resource: dataExport('DataAppSecretAttachment'),
      },
    ]);
    const services = new Set(everything('Ingest').map((a) => a.split(':')[0]));
    expect([...services].sort()).toEqual(['dynamodb', 'ec2', 'kms', 'logs', 'secretsmanager', 'sqs', 'xray']);
  });

  test('ingest sends to the alert queue only (its URL in the function environment), and receives nothing', () => {
    const alertQueue = { 'Fn::GetAtt': [expect.stringMatching(/^TelemetryAlertQueue/), 'Arn'] };
    const sqs = statementsOf(roleOf('Ingest')).filter((s) => actionsOf(s).some((a) => a.startsWith('sqs:')));
    expect(sqs).toEqual([
      {
        Action: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
        Effect: 'Allow',
        Resource: alertQueue,
      },
    ]);
    expect(fn('Ingest')[1].Properties.Environment.Variables[telemetrySettings.alertQueueUrl]).toEqual({
      Ref: expect.stringMatching(/^TelemetryAlertQueue/),
    });
    // The alert function is fed by the queue; it sends nothing there itself.
    expect(fn('Alert')[1].Properties.Environment.Variables[telemetrySettings.alertQueueUrl]).toBeUndefined();
  });

  test('the alert function reads readings and consumes its own queue only', () => {
    const statements = statementsOf(roleOf('Alert'));
    const dynamo = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
    expect(dynamo.flatMap(actionsOf)).toEqual(['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query']);
    const kms = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')));
    expect(kms).toEqual([
      { Action: ['kms:Decrypt', 'kms:DescribeKey'], Effect: 'Allow', Resource: dataExport('TelemetryKey') },
    ]);
    const sqs = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('sqs:')));
    expect(sqs).toEqual([
      expect.objectContaining({ Resource: { 'Fn::GetAtt': [expect.stringMatching(/^TelemetryAlertQueue/), 'Arn'] } }),
    ]);
    expect(sqs.flatMap(actionsOf)).not.toContain('sqs:SendMessage');
  });

  test('wildcard resources only where AWS offers no resource (network interfaces, X-Ray); no wildcard actions but KMS families', () => {
    for (const name of ['Ingest', 'Alert'] as const) {
      for (const s of statementsOf(roleOf(name))) {
        if (s.Resource === '*')
          expect(
            actionsOf(s).every((a) => /^(ec2|xray):/.test(a)),
            JSON.stringify(s),
          ).toBe(true);
        for (const a of actionsOf(s).filter((a) => a.includes('*')))
          expect(['kms:ReEncrypt*', 'kms:GenerateDataKey*']).toContain(a);
      }
      const [, role] = only(dev.app, 'AWS::IAM::Role', roleOf(name));
      // The one managed policy: Lambda Insights' (CDK attaches it with the extension's layer).
      expect(JSON.stringify(role.Properties.ManagedPolicyArns)).toMatch(
        /^\[\{"Fn::Join":\["",\["arn:",\{"Ref":"AWS::Partition"\},":iam::aws:policy\/CloudWatchLambdaInsightsExecutionRolePolicy"\]\]\}\]$/,
      );
    }
    // The check can fail: the ingest role does hold a wildcard-resource statement (network interfaces).
    expect(statementsOf(roleOf('Ingest')).some((s) => s.Resource === '*')).toBe(true);
  });
});

describe('network', () => {
  test('DynamoDB is reached through a gateway endpoint on the private route tables, not the NAT', () => {
    const endpoints = Object.values(dev.network.findResources('AWS::EC2::VPCEndpoint')) as Json[];
    const dynamo = endpoints.filter((e) => JSON.stringify(e.Properties.ServiceName).includes('.dynamodb'));
    expect(dynamo).toHaveLength(1);
    expect(dynamo[0].Properties.VpcEndpointType).toBe('Gateway');
    const tables = JSON.stringify(dynamo[0].Properties.RouteTableIds);
    expect(tables).toContain('privateSubnet1RouteTable');
    expect(tables).toContain('privateSubnet2RouteTable');
  });
});

/**
 * The alarms' and dashboard's definitions are the catalogue's, checked for every entry by catalogue.test.ts;
 * here, that telemetry's are built in its place, each on telemetry's own resources, paging the App topic.
 */
describe('telemetry alarms', () => {
  const telemetryAlarms = (env: SynthesisedEnvironment) => resources(env.app, 'AWS::CloudWatch::Alarm', 'Telemetry');

  test("the catalogue's alarms on telemetry's resources, each telling the alarm topic when it fires and clears", () => {
    const own = Object.keys(dev.stacks.app.telemetry.metricResources);
    const expected = catalogueEntries()
      .filter(([, definition]) => {
        const needs = resourcesOf(definition);
        return needs.length > 0 && needs.every((resource) => own.includes(resource));
      })
      .map(([id]) => id);
    const alarms = telemetryAlarms(dev);
    expect(alarms.map(([id]) => id.replace(/^Telemetry/, '').replace(/[0-9A-F]{8}$/, '')).sort()).toEqual(
      expected.sort(),
    );
    for (const [id, a] of alarms) {
      for (const key of ['AlarmActions', 'OKActions']) {
        expect(a.Properties[key], `${id} ${key}`).toEqual([{ Ref: expect.stringMatching(/^ObservabilityAlarms/) }]);
      }
    }
  });

  test('they read the functions, queues and table of this construct (the table through its export)', () => {
    const props = (id: string) => only(dev.app, 'AWS::CloudWatch::Alarm', `Telemetry${id}`)[1].Properties;
    for (const name of ['Ingest', 'Alert'] as const) {
      const [fnId] = fn(name);
      for (const metric of ['Errors', 'Throttles'])
        expect(props(`${name}${metric}`).Dimensions).toEqual([{ Name: 'FunctionName', Value: { Ref: fnId } }]);
    }
    for (const dlq of ['AlertDlq', 'DeliveryDlq'])
      expect(props(`${dlq}NotEmpty`).Dimensions).toEqual([
        { Name: 'QueueName', Value: { 'Fn::GetAtt': [expect.stringMatching(`^Telemetry${dlq}`), 'QueueName'] } },
      ]);
    expect(JSON.stringify(props('ReadingsThrottles'))).toContain('Fn::ImportValue');
  });
});
