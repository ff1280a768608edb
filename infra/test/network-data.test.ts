import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, test } from 'vitest';
import { type SynthesisedEnvironment, synthesiseEnvironment } from './synth.ts';

let dev: SynthesisedEnvironment;
beforeAll(() => {
  dev = synthesiseEnvironment('dev');
});

const sgId = (t: SynthesisedEnvironment['network'], description: string) => {
  const found = t.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupDescription: description } });
  const ids = Object.keys(found);
  expect(ids).toHaveLength(1);
  return ids[0] as string;
};

describe('network', () => {
  test('VPC 10.0.0.0/16 over the two fixed Tokyo zones, public/private/isolated subnets', () => {
    dev.network.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' });
    const subnets = Object.values(dev.network.findResources('AWS::EC2::Subnet'));
    expect(subnets).toHaveLength(6);
    expect(new Set(subnets.map((s) => s.Properties.AvailabilityZone))).toEqual(
      new Set(['ap-northeast-1a', 'ap-northeast-1c']),
    );
    // Public subnets never hand out public IPs implicitly.
    for (const s of subnets) expect(s.Properties.MapPublicIpOnLaunch).not.toBe(true);
    dev.network.resourceCountIs('AWS::EC2::NatGateway', 1);
  });

  test('flow logs record all traffic to a log group with retention', () => {
    dev.network.hasResourceProperties('AWS::EC2::FlowLog', {
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
    });
    dev.network.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 14 });
  });

  test('the ALB admits only the CloudFront origin-facing prefix list and talks only to API tasks', () => {
    const albId = sgId(dev.network, 'Kura ALB: HTTPS from CloudFront origin-facing addresses only');
    expect(dev.network.toJSON().Resources[albId].Properties.SecurityGroupIngress).toBeUndefined();
    const ingress = Object.values(
      dev.network.findResources('AWS::EC2::SecurityGroupIngress', {
        Properties: { GroupId: { 'Fn::GetAtt': [albId, 'GroupId'] } },
      }),
    ).map((r) => r.Properties as Record<string, unknown>);
    // One port: each prefix-list rule counts as 55 of the group's 60 (test/policies.test.ts).
    expect(ingress.map((r) => r.FromPort)).toEqual([443]);
    for (const rule of ingress) {
      expect(rule.SourcePrefixListId).toBe('pl-58a04531');
      expect(rule.CidrIp).toBeUndefined();
    }
    const apiId = sgId(dev.network, 'Kura API tasks: app port from the ALB only');
    dev.network.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: { 'Fn::GetAtt': [albId, 'GroupId'] },
      DestinationSecurityGroupId: { 'Fn::GetAtt': [apiId, 'GroupId'] },
      FromPort: 8080,
      ToPort: 8080,
    });
    // No 0.0.0.0/0 ingress anywhere in the network stack.
    const inbound = [
      ...Object.values(dev.network.findResources('AWS::EC2::SecurityGroupIngress')).map((r) => r.Properties),
      ...Object.values(dev.network.findResources('AWS::EC2::SecurityGroup')).flatMap(
        (g) => g.Properties.SecurityGroupIngress ?? [],
      ),
    ];
    expect(inbound.length).toBeGreaterThan(0);
    for (const rule of inbound) expect(rule.CidrIp ?? rule.CidrIpv6).toBeUndefined();
  });

  test('API tasks accept 8080 from the ALB group only', () => {
    const apiId = sgId(dev.network, 'Kura API tasks: app port from the ALB only');
    const rules = dev.network.findResources('AWS::EC2::SecurityGroupIngress', {
      Properties: { GroupId: { 'Fn::GetAtt': [apiId, 'GroupId'] } },
    });
    expect(Object.values(rules)).toHaveLength(1);
    expect(Object.values(rules)[0]?.Properties).toMatchObject({
      FromPort: 8080,
      ToPort: 8080,
      SourceSecurityGroupId: expect.any(Object),
    });
    const api = dev.network.toJSON().Resources[apiId];
    expect(api.Properties.SecurityGroupIngress).toBeUndefined();
  });

  test('task egress is HTTPS anywhere and PostgreSQL to the isolated subnets only; workers accept nothing', () => {
    const workerId = sgId(dev.network, 'Kura worker and one-off tasks: no inbound');
    const worker = dev.network.toJSON().Resources[workerId];
    expect(worker.Properties.SecurityGroupIngress).toBeUndefined();
    const egress = worker.Properties.SecurityGroupEgress as Array<Record<string, unknown>>;
    expect(egress.map((r) => `${r.CidrIp}:${r.FromPort}`).sort()).toEqual(expect.arrayContaining(['0.0.0.0/0:443']));
    const pg = egress.filter((r) => r.FromPort === 5432);
    expect(pg).toHaveLength(2);
    for (const rule of pg) expect(String(rule.CidrIp)).not.toBe('0.0.0.0/0');
    expect(egress.every((r) => r.FromPort === 443 || r.FromPort === 5432)).toBe(true);
  });
});

describe('data (stateful) stack', () => {
  test('is termination-protected', () => {
    expect(dev.stacks.data.terminationProtection).toBe(true);
  });

  test('Aurora Serverless v2 PostgreSQL 16, encrypted with a rotating CMK, 7-day backups, private', () => {
    dev.data.hasResourceProperties('AWS::RDS::DBCluster', {
      Engine: 'aurora-postgresql',
      // The major only, so automatic minor upgrades never meet a template asking for a downgrade.
      EngineVersion: '16',
      StorageEncrypted: true,
      KmsKeyId: Match.anyValue(),
      BackupRetentionPeriod: 7,
      ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 1 },
      DeletionProtection: false,
      Port: 5432,
    });
    dev.data.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      Description: Match.stringLikeRegexp('Aurora'),
    });
    dev.data.hasResourceProperties('AWS::RDS::DBInstance', {
      DBInstanceClass: 'db.serverless',
      PubliclyAccessible: false,
      EnablePerformanceInsights: true,
      MonitoringInterval: 60,
    });
  });

  test('Aurora admits PostgreSQL from the API and worker task groups only', () => {
    const db = Object.entries(dev.data.findResources('AWS::EC2::SecurityGroup')).find(([, g]) =>
      g.Properties.GroupDescription.startsWith('Kura Aurora'),
    );
    expect(db).toBeDefined();
    const [dbId, dbSg] = db as [string, { Properties: Record<string, unknown> }];
    expect(dbSg.Properties.SecurityGroupIngress).toBeUndefined();
    const rules = Object.values(
      dev.data.findResources('AWS::EC2::SecurityGroupIngress', {
        Properties: { GroupId: { 'Fn::GetAtt': [dbId, 'GroupId'] } },
      }),
    );
    const sources = rules.map((r) => JSON.stringify(r.Properties.SourceSecurityGroupId)).sort();
    const port5432 = (p: unknown) =>
      p === 5432 || JSON.stringify(p) === JSON.stringify({ 'Fn::GetAtt': ['DataAurora8CC34183', 'Endpoint.Port'] });
    expect(rules.every((r) => port5432(r.Properties.FromPort) && port5432(r.Properties.ToPort))).toBe(true);
    dev.data.hasResourceProperties('AWS::RDS::DBCluster', { Port: 5432 });
    expect(rules.every((r) => r.Properties.CidrIp === undefined)).toBe(true);
    // API, worker, and the rotation function.
    expect(sources).toHaveLength(3);
    expect(sources.filter((s) => s.includes('ApiSg'))).toHaveLength(1);
    expect(sources.filter((s) => s.includes('WorkerSg'))).toHaveLength(1);
  });

  test('the database secret rotates every 30 days', () => {
    dev.data.hasResourceProperties('AWS::SecretsManager::RotationSchedule', {
      RotationRules: { ScheduleExpression: 'rate(30 days)' },
    });
  });

  test("the app's login rotates between two users (multi-user), first after a full period", () => {
    dev.data.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({
        SecretStringTemplate: {
          'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('"username":"kura_app","masterarn"')])],
        },
      }),
    });
    dev.data.hasResourceProperties('AWS::SecretsManager::RotationSchedule', {
      SecretId: { Ref: Match.stringLikeRegexp('^DataAppSecretAttachment') },
      RotateImmediatelyOnUpdate: false,
      RotationLambdaARN: {
        'Fn::GetAtt': [Match.stringLikeRegexp('^DataAuroraAppLoginRotation'), 'Outputs.RotationLambdaARN'],
      },
      RotationRules: { ScheduleExpression: 'rate(30 days)' },
    });
    expect(JSON.stringify(dev.data.toJSON().Mappings)).toContain('SecretsManagerRDSPostgreSQLRotationMultiUser');
  });

  test('every bucket blocks public access, is encrypted and refuses plain HTTP', () => {
    const buckets = dev.data.findResources('AWS::S3::Bucket');
    expect(Object.keys(buckets).length).toBeGreaterThanOrEqual(3);
    for (const b of Object.values(buckets)) {
      expect(b.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(b.Properties.BucketEncryption).toBeDefined();
    }
    const policies = Object.values(dev.data.findResources('AWS::S3::BucketPolicy'));
    expect(policies).toHaveLength(Object.keys(buckets).length);
    for (const p of policies) {
      expect(JSON.stringify(p.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    }
    dev.data.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { LogFilePrefix: 'media/' },
    });
  });

  test('the media bucket takes presigned POST uploads from the site only, and drops abandoned ones', () => {
    dev.data.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { LogFilePrefix: 'media/' },
      CorsConfiguration: {
        CorsRules: [
          {
            AllowedMethods: ['POST'],
            AllowedOrigins: ['https://dev.kura-shop.example'],
            AllowedHeaders: ['*'],
            MaxAge: 3000,
          },
        ],
      },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Id: 'AbandonedUploads', Prefix: 'uploads/', ExpirationInDays: 1, Status: 'Enabled' }),
        ]),
      },
    });
  });

  test('ECR scans on push, has immutable tags and keeps the last 10 images', () => {
    dev.data.hasResourceProperties('AWS::ECR::Repository', {
      ImageScanningConfiguration: { ScanOnPush: true },
      ImageTagMutability: 'IMMUTABLE',
      LifecyclePolicy: {
        LifecyclePolicyText: Match.serializedJson(
          Match.objectLike({
            rules: [
              Match.objectLike({ selection: Match.objectLike({ countType: 'imageCountMoreThan', countNumber: 10 }) }),
            ],
          }),
        ),
      },
    });
  });

  test('Cognito: strong passwords, threat protection, customer/staff/admin groups, managed login domain', () => {
    dev.data.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true }) },
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      MfaConfiguration: 'OPTIONAL',
    });
    for (const group of ['customer', 'staff', 'admin']) {
      dev.data.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: group });
    }
    dev.data.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'kura-dev-auth', ManagedLoginVersion: 2 });
  });

  test('CloudTrail: multi-region, validated, KMS-encrypted', () => {
    dev.data.hasResourceProperties('AWS::CloudTrail::Trail', {
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      KMSKeyId: Match.anyValue(),
    });
  });
});

describe('prd differs where it must', () => {
  let prd: SynthesisedEnvironment;
  beforeAll(() => {
    prd = synthesiseEnvironment('prd');
  });

  test('deletion protection, a reader, one NAT per zone, retained data', () => {
    prd.data.hasResourceProperties('AWS::RDS::DBCluster', { DeletionProtection: true });
    prd.data.resourceCountIs('AWS::RDS::DBInstance', 2);
    prd.network.resourceCountIs('AWS::EC2::NatGateway', 2);
    prd.data.hasResource('AWS::RDS::DBCluster', { DeletionPolicy: 'Snapshot' });
    prd.data.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Retain' });
    prd.data.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'ACTIVE' });
    prd.app.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'deletion_protection.enabled', Value: 'true' }]),
    });
  });
});
