import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, test } from 'vitest';
import { type SynthesisedEnvironment, synthesiseEnvironment } from './synth.ts';

let dev: SynthesisedEnvironment;
beforeAll(() => {
  dev = synthesiseEnvironment('dev');
});

/** The parts of a CloudFormation container definition the tests read. */
type Container = {
  Name?: string;
  Environment?: { Name: string; Value: unknown }[];
  HealthCheck?: { Command: string[] };
  [key: string]: unknown;
};

const containers = (family: RegExp) => {
  const defs = Object.entries(dev.app.findResources('AWS::ECS::TaskDefinition')).filter(([id]) => family.test(id));
  expect(defs).toHaveLength(1);
  return (defs[0]?.[1].Properties.ContainerDefinitions ?? []) as Container[];
};
const envOf = (c: Container) => Object.fromEntries((c.Environment ?? []).map((e) => [e.Name, e.Value]));

describe('ALB', () => {
  test('internal, drops invalid headers, logs access', () => {
    dev.app.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internal',
      LoadBalancerAttributes: Match.arrayWith([
        { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
        { Key: 'access_logs.s3.enabled', Value: 'true' },
      ]),
    });
  });

  test('listens on HTTPS with the origin certificate and forwards to the API; no shared secret', () => {
    dev.app.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: { Ref: Match.stringLikeRegexp('^OriginCertificate') } }],
      DefaultActions: [Match.objectLike({ Type: 'forward' })],
    });
    dev.app.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'origin.dev.kura-shop.example',
      ValidationMethod: 'DNS',
      DomainValidationOptions: [{ DomainName: 'origin.dev.kura-shop.example', HostedZoneId: 'Z0000000KURASHOP' }],
    });
    // The site (A + AAAA) → CloudFront and origin → the ALB, in the configured zone.
    dev.app.resourceCountIs('AWS::Route53::RecordSet', 3);
    dev.waf.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'dev.kura-shop.example',
      ValidationMethod: 'DNS',
    });
    dev.app.resourceCountIs('AWS::ElasticLoadBalancingV2::ListenerRule', 0);
    dev.app.resourceCountIs('AWS::SecretsManager::Secret', 0);
  });

  test('target group: port 8080, IP targets, readiness check, 30 s deregistration', () => {
    dev.app.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      Port: 8080,
      TargetType: 'ip',
      HealthCheckPath: '/ready',
      HealthCheckIntervalSeconds: 30,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 3,
      Matcher: { HttpCode: '200' },
      TargetGroupAttributes: Match.arrayWith([{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }]),
    });
  });
});

describe('ECS', () => {
  test('services run in private subnets without public IPs, circuit breaker rolls back', () => {
    const services = Object.values(dev.app.findResources('AWS::ECS::Service'));
    expect(services).toHaveLength(2);
    for (const s of services) {
      expect(s.Properties.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp).toBe('DISABLED');
      expect(s.Properties.DeploymentConfiguration.DeploymentCircuitBreaker).toEqual({ Enable: true, Rollback: true });
      expect(JSON.stringify(s.Properties.NetworkConfiguration)).toContain('privateSubnet');
    }
    dev.app.hasResourceProperties('AWS::ECS::Service', {
      DesiredCount: 2,
      LoadBalancers: [{ ContainerName: 'api', ContainerPort: 8080, TargetGroupArn: Match.anyValue() }],
    });
    dev.app.hasResourceProperties('AWS::ECS::Cluster', {
      ClusterSettings: [{ Name: 'containerInsights', Value: 'enhanced' }],
    });
  });

  test('the API scales 1–4 on CPU 70 % and memory 80 %', () => {
    dev.app.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      MinCapacity: 1,
      MaxCapacity: 4,
      ResourceId: Match.objectLike({
        'Fn::Join': Match.arrayWith([
          Match.arrayWith([Match.objectLike({ 'Fn::GetAtt': Match.arrayWith(['ApiServiceD5B4A50A']) })]),
        ]),
      }),
    });
    for (const [metric, target] of [
      ['ECSServiceAverageCPUUtilization', 70],
      ['ECSServiceAverageMemoryUtilization', 80],
    ] as const) {
      dev.app.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
        TargetTrackingScalingPolicyConfiguration: Match.objectLike({
          PredefinedMetricSpecification: { PredefinedMetricType: metric },
          TargetValue: target,
        }),
      });
    }
  });

  test('the worker scales on the event queue depth, and one always runs (orders wait for it)', () => {
    dev.app.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      ResourceId: Match.anyValue(),
      ScalableDimension: 'ecs:service:DesiredCount',
      MinCapacity: 1,
      MaxCapacity: 2,
    });
    dev.app.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Threshold: 1,
      AlarmActions: [{ Ref: Match.stringLikeRegexp('StockWorkerServiceTaskCountTargetQueueDepthUpperPolicy') }],
    });
    dev.app.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      PolicyType: 'StepScaling',
      StepScalingPolicyConfiguration: Match.objectLike({ AdjustmentType: 'ChangeInCapacity' }),
    });
  });

  test('queue permissions: the worker consumes and dead-letters, the API publishes and redrives the DLQ', () => {
    const policies = Object.values(dev.app.findResources('AWS::IAM::Policy')).map(
      (p) =>
        p.Properties as {
          Roles: { Ref: string }[];
          PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] };
        },
    );
    /** The SQS actions a task role may take on the queue whose logical id matches `queue`. */
    const sqsActions = (role: RegExp, queue: RegExp) =>
      new Set(
        policies
          .filter((p) => p.Roles.some((r) => role.test(r.Ref)))
          .flatMap((p) => p.PolicyDocument.Statement)
          .filter((st) => queue.test(JSON.stringify(st.Resource)))
          .flatMap((st) => [st.Action].flat())
          .filter((a) => a.startsWith('sqs:')),
      );
    const events = /MessagingEvents[0-9A-F]{8}"/;
    const dlq = /MessagingEventsDlq/;
    const worker = /^StockWorkerTask.*TaskRole/;
    const api = /^ApiTask.*TaskRole/;
    expect([...sqsActions(worker, events)]).toEqual(
      expect.arrayContaining([
        'sqs:ReceiveMessage',
        'sqs:DeleteMessage',
        'sqs:ChangeMessageVisibility',
        'sqs:SendMessage',
      ]),
    );
    expect(sqsActions(worker, dlq).has('sqs:SendMessage')).toBe(true);
    expect(sqsActions(worker, dlq).has('sqs:ReceiveMessage')).toBe(false);
    expect(sqsActions(api, events).has('sqs:SendMessage')).toBe(true);
    expect(sqsActions(api, events).has('sqs:ReceiveMessage')).toBe(false);
    for (const action of ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility']) {
      expect(sqsActions(api, dlq).has(action), action).toBe(true);
    }
  });

  test('api, worker and migrate run the same image with their own bundle, non-root and read-only', () => {
    const images = new Set<string>();
    for (const [family, entry] of [
      [/^ApiTask/, 'api'],
      [/^StockWorkerTask/, 'worker'],
      [/^MigrationTask/, 'migrate'],
    ] as const) {
      const app = containers(family).find((c) => c.Name === entry);
      expect(app).toBeDefined();
      expect(app?.Command).toEqual(['node', `dist/${entry}.mjs`]);
      expect(app?.User).toBe('node');
      expect(app?.ReadonlyRootFilesystem).toBe(true);
      images.add(JSON.stringify(app?.Image));
    }
    expect(images.size).toBe(1);
    expect([...images][0]).toContain(':test-sha');
  });

  test('the API container: port 8080, health check, the server environment and DB secrets', () => {
    const api = containers(/^ApiTask/).find((c) => c.Name === 'api') as Container;
    expect(api.PortMappings).toEqual([{ ContainerPort: 8080, Protocol: 'tcp' }]);
    expect(api.HealthCheck?.Command.join(' ')).toContain('/health');
    const env = envOf(api);
    expect(env).toMatchObject({
      KURA_PROFILE: 'dev',
      HOST: '0.0.0.0',
      PORT: '8080',
      DATABASE_SSL: 'true',
      TZ: 'Asia/Tokyo',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318',
      OTEL_SERVICE_NAME: 'kura-api',
      LOG_LEVEL: 'info',
      AWS_REGION: 'ap-northeast-1',
    });
    for (const name of [
      'KURA_EVENT_QUEUE_URL',
      'KURA_EVENT_DLQ_URL',
      'KURA_MEDIA_BUCKET',
      'KURA_OIDC_ISSUER',
      'KURA_OIDC_AUDIENCE',
    ]) {
      expect(env[name]).toBeDefined();
    }
    // No credentials in plain environment variables.
    expect(Object.keys(env).filter((k) => /PASSWORD|SECRET|DATABASE_URL|PGUSER/.test(k))).toEqual([]);
    const secrets = Object.fromEntries(
      (api.Secrets as Array<{ Name: string; ValueFrom: unknown }>).map((s) => [s.Name, JSON.stringify(s.ValueFrom)]),
    );
    for (const [name, field] of [
      ['PGHOST', 'host'],
      ['PGPORT', 'port'],
      ['PGDATABASE', 'dbname'],
      ['PGUSER', 'username'],
      ['PGPASSWORD', 'password'],
    ] as const) {
      expect(secrets[name]).toMatch(new RegExp(`:${field}::`));
    }
  });

  test('an ADOT collector sidecar exports traces to X-Ray; the app waits for it', () => {
    const defs = containers(/^ApiTask/);
    const otel = defs.find((c) => c.Name === 'otel-collector') as Container;
    expect(otel.Image).toMatch(/^public\.ecr\.aws\/aws-observability\/aws-otel-collector:v/);
    expect(otel.Essential).toBe(false);
    expect(envOf(otel).AOT_CONFIG_CONTENT).toContain('awsxray');
    expect(defs.find((c) => c.Name === 'api')?.DependsOn).toEqual([
      { ContainerName: 'otel-collector', Condition: 'START' },
    ]);
    dev.app.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Action: Match.arrayWith(['xray:PutTraceSegments']) })]),
      },
    });
  });

  test('log groups have a retention', () => {
    const groups = Object.values(dev.app.findResources('AWS::Logs::LogGroup'));
    expect(groups.length).toBeGreaterThanOrEqual(4);
    for (const g of groups) expect(g.Properties.RetentionInDays).toBe(14);
  });
});

describe('migrations', () => {
  test('a custom resource runs the migrate task before either service is updated', () => {
    const [id, resource] = Object.entries(dev.app.findResources('Custom::KuraMigration'))[0] ?? [];
    expect(resource?.Properties.TaskDefinition.Ref).toMatch(/^MigrationTaskTaskDefinition/);
    for (const service of Object.values(dev.app.findResources('AWS::ECS::Service'))) {
      expect(service.DependsOn).toContain(id);
    }
  });

  test('the migrate task connects as the schema owner and gets the app login to grant; the services get the app login only', () => {
    const secretsOf = (c: Container) =>
      Object.fromEntries(
        (c.Secrets as Array<{ Name: string; ValueFrom: unknown }>).map((s) => [s.Name, JSON.stringify(s.ValueFrom)]),
      );
    const migrate = containers(/^MigrationTask/).find((c) => c.Name === 'migrate') as Container;
    const owner = secretsOf(migrate);
    expect(owner.PGUSER).toMatch(/DataDatabaseSecret[0-9A-F]{8}/);
    expect(owner.PGPASSWORD).toMatch(/DataDatabaseSecret[0-9A-F]{8}/);
    expect(owner.KURA_DB_APP_USER).toMatch(/DataAppSecretAttachment.*:username::/);
    expect(owner.KURA_DB_APP_PASSWORD).toMatch(/DataAppSecretAttachment.*:password::/);
    expect(envOf(migrate).KURA_DB_APP_ROLE).toBe('kura_app');
    for (const [family, entry] of [
      [/^ApiTask/, 'api'],
      [/^StockWorkerTask/, 'worker'],
    ] as const) {
      const app = containers(family).find((c) => c.Name === entry) as Container;
      const login = secretsOf(app);
      for (const name of ['PGHOST', 'PGUSER', 'PGPASSWORD'])
        expect(login[name], name).toMatch(/DataAppSecretAttachment/);
      expect(Object.keys(login).filter((n) => n.startsWith('KURA_DB_APP'))).toEqual([]);
      expect(JSON.stringify(login)).not.toMatch(/DataDatabaseSecret/);
    }
  });

  test('the runner may start only the migrate task definition and pass only its roles', () => {
    dev.app.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'ecs:RunTask',
            Resource: { Ref: Match.stringLikeRegexp('^MigrationTaskTaskDefinition') },
          }),
          Match.objectLike({ Action: 'iam:PassRole', Resource: [Match.objectLike({}), Match.objectLike({})] }),
        ]),
      },
    });
  });
});

describe('messaging', () => {
  test('queue and DLQ: encrypted, TLS enforced, redrive after 5 receives', () => {
    // Telemetry's queues are test/telemetry.test.ts's.
    const queues = Object.entries(dev.app.findResources('AWS::SQS::Queue'))
      .filter(([id]) => id.startsWith('Messaging'))
      .map(([, q]) => q);
    expect(queues).toHaveLength(2);
    for (const q of queues) expect(q.Properties.SqsManagedSseEnabled).toBe(true);
    dev.app.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: 5 },
    });
    dev.app.hasResourceProperties('AWS::SQS::Queue', { MessageRetentionPeriod: 14 * 24 * 3600 });
    const policies = Object.entries(dev.app.findResources('AWS::SQS::QueuePolicy'))
      .filter(([id]) => id.startsWith('Messaging'))
      .map(([, p]) => p);
    expect(policies).toHaveLength(2);
    for (const p of policies)
      expect(JSON.stringify(p.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
  });
});

describe('edge', () => {
  test('CloudFront: S3 via OAC, /api/* to the ALB through a VPC origin, HTTPS only, HTTP/2+3, WAF', () => {
    dev.app.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        HttpVersion: 'http2and3',
        Aliases: ['dev.kura-shop.example'],
        WebACLId: Match.anyValue(),
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
          ResponseHeadersPolicyId: Match.anyValue(),
        }),
        CacheBehaviors: Match.arrayWith([
          Match.objectLike({
            PathPattern: '/api/*',
            ViewerProtocolPolicy: 'redirect-to-https',
            CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // CachingDisabled
          }),
          Match.objectLike({
            PathPattern: '/media/*',
            ViewerProtocolPolicy: 'redirect-to-https',
            AllowedMethods: ['GET', 'HEAD'],
            CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6', // CachingOptimized
          }),
        ]),
        Origins: Match.arrayWith([
          Match.objectLike({ OriginAccessControlId: Match.anyValue() }),
          Match.objectLike({
            DomainName: 'origin.dev.kura-shop.example',
            VpcOriginConfig: Match.objectLike({ VpcOriginId: Match.anyValue() }),
          }),
        ]),
      }),
    });
    dev.app.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' }),
    });
  });

  test('the web bucket is private and readable only by this distribution', () => {
    dev.app.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  test('security response headers', () => {
    dev.app.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentSecurityPolicy: { ContentSecurityPolicy: Match.anyValue(), Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
        }),
      }),
    });
  });

  test('product images: /media/* goes to the API and stays sandboxed', () => {
    const distribution = Object.values(dev.app.findResources('AWS::CloudFront::Distribution'))[0];
    const config = distribution?.Properties.DistributionConfig;
    const behaviors = config.CacheBehaviors as { PathPattern: string; TargetOriginId: string }[];
    const media = behaviors.find((b) => b.PathPattern === '/media/*');
    const api = behaviors.find((b) => b.PathPattern === '/api/*');
    expect(media?.TargetOriginId).toBe(api?.TargetOriginId);
    dev.app.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: {
            ContentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; sandbox",
            Override: true,
          },
          ContentTypeOptions: { Override: true },
        }),
      }),
    });
  });

  test("the site's CSP lets pages post uploads to the media bucket, and nowhere else new", () => {
    const policies = Object.values(dev.app.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    const site = policies.find((p) => p.Properties.ResponseHeadersPolicyConfig.Comment === 'Kura security headers');
    const csp = JSON.stringify(
      site?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy,
    );
    expect(csp).toMatch(
      /connect-src 'self' https:\/\/[^ ]+amazoncognito\.com https:\/\/",\{"Fn::ImportValue":"[^"]*MediaBucket[^"]*RegionalDomainName/,
    );
    expect(csp).toMatch(
      /form-action 'self' https:\/\/[^ ]+amazoncognito\.com https:\/\/",\{"Fn::ImportValue":"[^"]*MediaBucket[^"]*RegionalDomainName/,
    );
  });

  test('the content security policy forbids framing and foreign scripts', () => {
    const csp = JSON.stringify(dev.app.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("object-src 'none'");
  });

  test('WAF (us-east-1): CloudFront scope, rate limit and AWS managed rules', () => {
    expect(dev.stacks.waf.region).toBe('us-east-1');
    dev.waf.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      Rules: Match.arrayWith([
        Match.objectLike({
          Statement: { RateBasedStatement: { Limit: 2000, AggregateKeyType: 'IP' } },
          Action: { Block: {} },
        }),
        Match.objectLike({
          Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' } },
        }),
        Match.objectLike({
          Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesKnownBadInputsRuleSet' } },
        }),
      ]),
    });
  });

  test('app client: authorization code with PKCE, no secret, no password flows', () => {
    dev.app.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
      CallbackURLs: ['https://dev.kura-shop.example/auth/callback'],
    });
    dev.app.resourceCountIs('AWS::Cognito::ManagedLoginBranding', 1);
  });
});

describe('observability and configuration', () => {
  test('alarms on 5xx rate, p99, DLQ, oldest message, Aurora and ECS saturation notify the SNS topic', () => {
    const alarms = Object.values(dev.app.findResources('AWS::CloudWatch::Alarm')).filter((a) =>
      JSON.stringify(a.Properties.AlarmActions ?? []).includes('ObservabilityAlarms'),
    );
    const text = JSON.stringify(alarms);
    for (const needle of [
      '5xx',
      'TargetResponseTime',
      'ApproximateAgeOfOldestMessage',
      'ACUUtilization',
      'MemoryUtilization',
      'CPUUtilization',
    ]) {
      expect(text).toContain(needle);
    }
    dev.app.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('EventsDlq'), 'QueueName'] } }],
    });
    dev.app.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    dev.app.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  test('SSM parameters under /kura/dev/ for the pipeline', () => {
    for (const name of ['web-bucket', 'distribution-id', 'site-url', 'ecs-cluster', 'api-service', 'oidc-client-id']) {
      dev.app.hasResourceProperties('AWS::SSM::Parameter', { Name: `/kura/dev/${name}`, Type: 'String' });
    }
  });

  test("services restart after the app login rotates (the login they use, not the owner's)", () => {
    dev.app.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({
        detail: Match.objectLike({
          eventName: ['RotationSucceeded'],
          additionalEventData: { SecretId: [{ 'Fn::ImportValue': Match.stringLikeRegexp('DataAppSecretAttachment') }] },
        }),
      }),
    });
  });
});

describe('media bucket permissions', () => {
  test('the API task role may get (and so head), put and delete media objects, and list nothing', () => {
    const statements = Object.values(dev.app.findResources('AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
    );
    const media = statements.filter((s) => JSON.stringify(s.Resource).includes('MediaBucket'));
    expect(media).toHaveLength(1);
    expect([media[0]?.Action].flat().sort()).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:PutObject']);
    expect(JSON.stringify(media[0]?.Resource)).toMatch(/MediaBucket[^"]*Arn[^}]*\}\s*,\s*"\/\*"/);
  });
});

/**
 * The Cognito calls the server makes, read from its source (not imported: infra does not depend on
 * server code): each `new Admin…Command(` in a non-test file that imports the Cognito client. Every
 * such command needs the IAM action of the same name, so the grant and the adapter stay in step
 * wherever the adapter lives.
 */
const serverCognitoActions = () => {
  const root = fileURLToPath(new URL('../../server/src', import.meta.url));
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => readFileSync(join(root, f), 'utf8'))
    .filter((text) => text.includes("from '@aws-sdk/client-cognito-identity-provider'"));
  expect(files.length).toBeGreaterThan(0);
  return new Set(files.flatMap((text) => [...text.matchAll(/new (\w+)Command\(/g)].map((m) => `cognito-idp:${m[1]}`)));
};

describe('Cognito directory permissions', () => {
  test("the API task role may make exactly the calls of the server's Cognito adapter, on the user pool only", () => {
    const policies = Object.values(dev.app.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p).includes('cognito-idp:'),
    );
    expect(policies).toHaveLength(1);
    const statements = (policies[0]?.Properties.PolicyDocument.Statement ?? []) as {
      Action: string | string[];
      Resource: unknown;
    }[];
    const cognito = statements.filter((s) => JSON.stringify(s.Action).includes('cognito-idp:'));
    expect(cognito).toHaveLength(1);
    const expected = [...serverCognitoActions()].sort();
    expect(expected).toContain('cognito-idp:AdminCreateUser');
    expect([cognito[0]?.Action].flat().sort()).toEqual(expected);
    // A reference to the pool's ARN (imported from the data stack), never a wildcard.
    expect(JSON.stringify(cognito[0]?.Resource)).not.toContain('"*"');
    expect(JSON.stringify(policies[0])).toMatch(/ApiTask.*TaskRole/);
  });
});
