import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, test } from 'vitest';
import { alertEvents } from '../lib/constructs/telemetry.ts';
import { readingsTableSchema } from '../lib/constructs/telemetry-store.ts';
import { type SynthesisedEnvironment, synthesiseEnvironment } from './synth.ts';

/** Issue 14's infrastructure: the readings table, the alert path to the worker, their alarms. */
let dev: SynthesisedEnvironment;
let prd: SynthesisedEnvironment;
beforeAll(() => {
  dev = synthesiseEnvironment('dev');
  prd = synthesiseEnvironment('prd');
});

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

describe('telemetry alarms and dashboard', () => {
  const telemetryAlarms = (env: SynthesisedEnvironment) => resources(env.app, 'AWS::CloudWatch::Alarm', 'Telemetry');

  test('each alarm tells the alarm topic when it fires and when it clears', () => {
    const alarms = telemetryAlarms(dev);
    expect(alarms.length).toBeGreaterThanOrEqual(4);
    for (const [id, a] of alarms) {
      for (const key of ['AlarmActions', 'OKActions']) {
        expect(a.Properties[key], `${id} ${key}`).toEqual([{ Ref: expect.stringMatching(/^ObservabilityAlarms/) }]);
      }
    }
  });

  test('DLQ depth, DynamoDB throttles and system errors are watched', () => {
    const text = (id: string) => JSON.stringify(only(dev.app, 'AWS::CloudWatch::Alarm', `Telemetry${id}`)[1]);
    for (const dlq of ['AlertDlq', 'DeliveryDlq']) {
      const alarm = only(dev.app, 'AWS::CloudWatch::Alarm', `Telemetry${dlq}NotEmpty`)[1].Properties;
      expect(alarm).toMatchObject({ MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 0 });
      expect(alarm.Dimensions).toEqual([
        { Name: 'QueueName', Value: { 'Fn::GetAtt': [expect.stringMatching(`^Telemetry${dlq}`), 'QueueName'] } },
      ]);
    }
    const throttles = text('ReadingsThrottles');
    expect(throttles).toContain('ReadThrottleEvents');
    expect(throttles).toContain('WriteThrottleEvents');
    const systemErrors = text('ReadingsSystemErrors');
    for (const op of ['BatchWriteItem', 'Query']) expect(systemErrors).toContain(`"Operation","Value":"${op}"`);
    // The table is the data stack's: the alarms name it through its export.
    expect(throttles).toContain('Fn::ImportValue');
  });

  test('the dashboard carries the telemetry rows', () => {
    const [, dashboard] = only(dev.app, 'AWS::CloudWatch::Dashboard', 'Observability');
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const title of ['Telemetry alert queues', 'Readings table', 'Alert events to the worker', 'Telemetry alarms'])
      expect(body).toContain(title);
  });
});
