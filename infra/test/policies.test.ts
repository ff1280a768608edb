import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { catalogLargeBodies } from '../../server/src/modules/catalog/large-bodies.ts';
import { createKuraApp } from '../lib/app.ts';
import { environmentNames } from '../lib/config/environments.ts';

/**
 * Quotas and house policies, checked over every synthesised stack of dev, stg and prd: what
 * CloudFormation would only find out on the first deploy (or an auditor after it).
 */
// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON, read structurally like findResources does
type Json = any;
type Resource = { Type: string; Properties?: Record<string, Json>; DeletionPolicy?: string; DependsOn?: unknown };
type Template = { Resources?: Record<string, Resource>; Outputs?: Record<string, { Value: unknown; Export?: Json }> };

const outdir = mkdtempSync(join(tmpdir(), 'kura-policies-'));
const built = createKuraApp({ outdir, context: { imageTag: 'test-sha' } });
try {
  built.app.synth();
} catch {
  // cdk-nag findings fail synth after the templates are written; test/nag.test.ts reports them.
}
const templates: Record<string, Template> = Object.fromEntries(
  readdirSync(outdir)
    .filter((f) => f.endsWith('.template.json'))
    .map((f) => [f.replace('.template.json', ''), JSON.parse(readFileSync(join(outdir, f), 'utf8')) as Template]),
);
const stacksOf = (env: string) => Object.entries(templates).filter(([name]) => name.startsWith(`Kura-${env}-`));
const resourcesOf = (env: string, type?: string) =>
  stacksOf(env).flatMap(([stack, t]) =>
    Object.entries(t.Resources ?? {})
      .filter(([, r]) => !type || r.Type === type)
      .map(([id, r]) => ({ stack, id, r })),
  );

/**
 * AWS counts a rule that references a managed prefix list as the list's maximum number of entries
 * (VPC user guide, "prefix list weight"). `com.amazonaws.global.cloudfront.origin-facing`: 55.
 */
const prefixListWeight: Record<string, number> = { 'pl-58a04531': 55 };
const rulesPerGroupQuota = 60;

/** `stack/logicalId` of the group a GroupId value points at, through GetAtt or a cross-stack import. */
function groupKey(env: string, stack: string, ref: unknown): string {
  const value = ref as { 'Fn::GetAtt'?: [string, string]; 'Fn::ImportValue'?: string };
  if (value['Fn::GetAtt']) return `${stack}/${value['Fn::GetAtt'][0]}`;
  const imported = value['Fn::ImportValue'];
  if (typeof imported === 'string') {
    for (const [other, t] of stacksOf(env)) {
      for (const output of Object.values(t.Outputs ?? {})) {
        if (output.Export?.Name === imported) return groupKey(env, other, output.Value);
      }
    }
  }
  return `${stack}/${JSON.stringify(ref)}`;
}

const ruleWeight = (rule: Record<string, unknown>) => {
  const list = (rule.SourcePrefixListId ?? rule.DestinationPrefixListId) as string | undefined;
  if (list === undefined) return 1;
  const weight = prefixListWeight[list];
  if (weight === undefined) throw new Error(`unknown prefix list ${list}: add its maximum entries`);
  return weight;
};

/** Inbound and outbound rule weights per security group of one environment. */
function ruleCounts(env: string) {
  const counts = new Map<string, { inbound: number; outbound: number }>();
  const add = (key: string, direction: 'inbound' | 'outbound', weight: number) => {
    const c = counts.get(key) ?? { inbound: 0, outbound: 0 };
    c[direction] += weight;
    counts.set(key, c);
  };
  for (const { stack, id, r } of resourcesOf(env, 'AWS::EC2::SecurityGroup')) {
    const key = `${stack}/${id}`;
    add(key, 'inbound', 0);
    for (const rule of r.Properties?.SecurityGroupIngress ?? []) add(key, 'inbound', ruleWeight(rule));
    for (const rule of r.Properties?.SecurityGroupEgress ?? []) add(key, 'outbound', ruleWeight(rule));
  }
  for (const [type, direction] of [
    ['AWS::EC2::SecurityGroupIngress', 'inbound'],
    ['AWS::EC2::SecurityGroupEgress', 'outbound'],
  ] as const) {
    for (const { stack, r } of resourcesOf(env, type)) {
      add(groupKey(env, stack, r.Properties?.GroupId), direction, ruleWeight(r.Properties ?? {}));
    }
  }
  return counts;
}

describe.each(environmentNames)('%s', (env) => {
  test('every security group stays within 60 rules each way, prefix lists counted at their size', () => {
    const counts = ruleCounts(env);
    expect(counts.size).toBeGreaterThan(3);
    const over = [...counts].filter(([, c]) => c.inbound > rulesPerGroupQuota || c.outbound > rulesPerGroupQuota);
    expect(over).toEqual([]);
    // The check can fail: the ALB group carries the CloudFront list, 55 of its 60.
    const alb = [...counts].find(([key]) => key.includes('AlbSg'));
    expect(alb?.[1].inbound).toBe(55);
  });

  test('every log group has a retention', () => {
    const groups = resourcesOf(env, 'AWS::Logs::LogGroup');
    expect(groups.length).toBeGreaterThan(4);
    const without = groups.filter(({ r }) => typeof r.Properties?.RetentionInDays !== 'number');
    expect(without.map(({ stack, id }) => `${stack}/${id}`)).toEqual([]);
  });

  test('every alarm acts, and the alarm topic has a subscriber', () => {
    const alarms = resourcesOf(env, 'AWS::CloudWatch::Alarm');
    expect(alarms.length).toBeGreaterThan(10);
    const silent = alarms.filter(({ r }) => !(r.Properties?.AlarmActions?.length > 0));
    expect(silent.map(({ id }) => id)).toEqual([]);
    const topics = resourcesOf(env, 'AWS::SNS::Topic').map(({ id }) => id);
    const subscribed = new Set(
      resourcesOf(env, 'AWS::SNS::Subscription').map(({ r }) => JSON.stringify(r.Properties?.TopicArn)),
    );
    for (const topic of topics)
      expect(
        [...subscribed].some((s) => s.includes(topic)),
        topic,
      ).toBe(true);
  });

  test('the ALB sends traffic only to tasks that are ready (/ready is 503 while the API starts)', () => {
    const groups = resourcesOf(env, 'AWS::ElasticLoadBalancingV2::TargetGroup');
    expect(groups.length).toBeGreaterThan(0);
    for (const { r } of groups) expect(r.Properties?.HealthCheckPath).toBe('/ready');
  });
});

/** Types whose loss loses data: retained (or snapshotted) in prd, and only in termination-protected stacks. */
const statefulTypes = [
  'AWS::RDS::DBCluster',
  'AWS::S3::Bucket',
  'AWS::Cognito::UserPool',
  'AWS::ECR::Repository',
  'AWS::KMS::Key',
  'AWS::Backup::BackupVault',
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
];
/** Buckets of access logs and the built SPA, which the app stack owns and a redeploy refills. */
const rebuildableBuckets = /^(AccessLogBucket|EdgeWebBucket)/;

describe('data survives in prd; dev can be torn down', () => {
  test('prd: every stateful resource is retained or snapshotted, on delete and on replacement', () => {
    const stateful = statefulTypes.flatMap((type) => resourcesOf('prd', type));
    expect(stateful.length).toBeGreaterThan(8);
    const loose = stateful.filter(
      ({ r }) =>
        !['Retain', 'Snapshot'].includes(r.DeletionPolicy ?? '') ||
        !['Retain', 'Snapshot'].includes((r as Json).UpdateReplacePolicy ?? ''),
    );
    expect(loose.map(({ stack, id }) => `${stack}/${id}`)).toEqual([]);
  });

  test('every stack holding data that cannot be rebuilt is termination-protected', () => {
    for (const env of environmentNames) {
      const stacks = built.stacks[env];
      if (!stacks) throw new Error(env);
      const protectedStacks = new Set(
        Object.values(stacks)
          .filter((s) => s.terminationProtection)
          .map((s) => s.stackName),
      );
      const holders = new Set(
        statefulTypes
          .filter((type) => type !== 'AWS::KMS::Key')
          .flatMap((type) => resourcesOf(env, type))
          .filter(({ id }) => !rebuildableBuckets.test(id))
          .map(({ stack }) => stack),
      );
      expect(holders.size).toBeGreaterThan(1);
      for (const stack of holders) expect(protectedStacks.has(stack), stack).toBe(true);
    }
  });

  test('dev: buckets empty themselves and the registry empties on delete, so `cdk destroy` finishes', () => {
    const buckets = resourcesOf('dev', 'AWS::S3::Bucket');
    const emptied = new Set(
      resourcesOf('dev', 'Custom::S3AutoDeleteObjects').map(({ r }) => JSON.stringify(r.Properties?.BucketName)),
    );
    expect(buckets.length).toBeGreaterThan(3);
    for (const { id } of buckets)
      expect(
        [...emptied].some((b) => b.includes(id)),
        id,
      ).toBe(true);
    for (const { r } of resourcesOf('dev', 'AWS::ECR::Repository')) expect(r.Properties?.EmptyOnDelete).toBe(true);
    // Never outside dev.
    expect(resourcesOf('prd', 'Custom::S3AutoDeleteObjects')).toEqual([]);
    expect(resourcesOf('stg', 'Custom::S3AutoDeleteObjects')).toEqual([]);
  });

  test('backups: prd keeps 35 days, and every environment copies daily to a vault in another region', () => {
    for (const { r } of resourcesOf('prd', 'AWS::RDS::DBCluster')) expect(r.Properties?.BackupRetentionPeriod).toBe(35);
    for (const env of environmentNames) {
      const plans = resourcesOf(env, 'AWS::Backup::BackupPlan');
      expect(plans).toHaveLength(1);
      const rule = plans[0]?.r.Properties?.BackupPlan.BackupPlanRule[0];
      const copy = JSON.stringify(rule.CopyActions);
      expect(copy).toContain(':ap-northeast-3:');
      expect(copy).toContain(`backup-vault:kura-${env}-dr`);
      const vaults = resourcesOf(env, 'AWS::Backup::BackupVault').filter(({ stack }) => stack.endsWith('-Dr'));
      expect(vaults.map(({ r }) => r.Properties?.BackupVaultName)).toEqual([`kura-${env}-dr`]);
      expect(built.stacks[env]?.dr.region).toBe('ap-northeast-3');
      const selections = resourcesOf(env, 'AWS::Backup::BackupSelection');
      expect(JSON.stringify(selections)).toMatch(/DataAurora/);
    }
  });
});

describe.each(environmentNames)('%s TLS on every hop', (env) => {
  test('viewer → CloudFront: HTTPS on the site name with TLS 1.2 at least, HTTP only redirects', () => {
    const distributions = resourcesOf(env, 'AWS::CloudFront::Distribution');
    expect(distributions).toHaveLength(1);
    for (const { r } of distributions) {
      const config = r.Properties?.DistributionConfig;
      expect(config.ViewerCertificate).toMatchObject({
        AcmCertificateArn: expect.anything(),
        MinimumProtocolVersion: 'TLSv1.2_2021',
        SslSupportMethod: 'sni-only',
      });
      for (const behavior of [config.DefaultCacheBehavior, ...(config.CacheBehaviors ?? [])]) {
        expect(['redirect-to-https', 'https-only']).toContain(behavior.ViewerProtocolPolicy);
      }
    }
  });

  test('CloudFront → origins: S3 through origin access control, the ALB through an HTTPS-only VPC origin', () => {
    const vpcOrigins = Object.fromEntries(resourcesOf(env, 'AWS::CloudFront::VpcOrigin').map(({ id, r }) => [id, r]));
    for (const { r } of resourcesOf(env, 'AWS::CloudFront::Distribution')) {
      const origins = r.Properties?.DistributionConfig.Origins as Json[];
      expect(origins.length).toBeGreaterThan(1);
      for (const origin of origins) {
        if (origin.S3OriginConfig) {
          expect(origin.OriginAccessControlId).toBeDefined();
        } else if (origin.VpcOriginConfig) {
          const target = vpcOrigins[origin.VpcOriginConfig.VpcOriginId['Fn::GetAtt'][0]];
          expect(target?.Properties?.VpcOriginEndpointConfig).toMatchObject({
            OriginProtocolPolicy: 'https-only',
            OriginSSLProtocols: ['TLSv1.2'],
          });
        } else {
          expect(origin.CustomOriginConfig).toMatchObject({
            OriginProtocolPolicy: 'https-only',
            OriginSSLProtocols: ['TLSv1.2'],
          });
        }
      }
    }
  });

  test('the ALB is internal and listens on HTTPS only, with a TLS 1.3 policy', () => {
    const albs = resourcesOf(env, 'AWS::ElasticLoadBalancingV2::LoadBalancer');
    expect(albs.length).toBeGreaterThan(0);
    for (const { r } of albs) expect(r.Properties?.Scheme).toBe('internal');
    const listeners = resourcesOf(env, 'AWS::ElasticLoadBalancingV2::Listener');
    expect(listeners.length).toBeGreaterThan(0);
    for (const { r } of listeners) {
      expect(r.Properties?.Protocol).toBe('HTTPS');
      expect(r.Properties?.SslPolicy).toMatch(/^ELBSecurityPolicy-TLS13-/);
      expect(r.Properties?.Certificates).toHaveLength(1);
    }
  });

  test('Aurora refuses connections without TLS (rds.force_ssl in its cluster parameter group)', () => {
    const clusters = resourcesOf(env, 'AWS::RDS::DBCluster');
    expect(clusters.length).toBeGreaterThan(0);
    for (const { stack, r } of clusters) {
      const ref = r.Properties?.DBClusterParameterGroupName?.Ref;
      expect(ref, 'the cluster names its own parameter group').toBeDefined();
      const group = templates[stack]?.Resources?.[ref];
      expect(group?.Type).toBe('AWS::RDS::DBClusterParameterGroup');
      expect(group?.Properties?.Parameters?.['rds.force_ssl']).toBe('1');
    }
  });
});

/** The server's own large-body routes, as its composition root mounts them (under /api). */
function serverLargeBodyRoutes(): string[] {
  return Object.keys(catalogLargeBodies).map((path) => `/api${path}`);
}

interface Request {
  readonly path: string;
  readonly bodyBytes: number;
}

/**
 * What WAF does with one request of clean content, for the statements Kura uses: size and
 * URI-path matches, and/or/not, managed groups (of which only the common rule set's 8 KB body
 * rule matches clean content), rate rules (one request never trips them).
 */
function wafBlocks(acl: Record<string, Json>, request: Request): string | undefined {
  const limitKb = acl.AssociationConfig?.RequestBody?.CLOUDFRONT?.DefaultSizeInspectionLimit ?? 'KB_16';
  const inspectionLimit = Number(String(limitKb).replace('KB_', '')) * 1024;
  const matches = (s: Record<string, Json>): boolean => {
    if (s.AndStatement) return s.AndStatement.Statements.every(matches);
    if (s.OrStatement) return s.OrStatement.Statements.some(matches);
    if (s.NotStatement) return !matches(s.NotStatement.Statement);
    if (s.ByteMatchStatement) {
      const b = s.ByteMatchStatement;
      if (!b.FieldToMatch.UriPath) throw new Error('only URI path matches are modelled');
      const text = String(b.SearchString);
      const at = {
        EXACTLY: request.path === text,
        STARTS_WITH: request.path.startsWith(text),
        ENDS_WITH: request.path.endsWith(text),
        CONTAINS: request.path.includes(text),
      }[b.PositionalConstraint as string];
      if (at === undefined) throw new Error(`positional constraint ${b.PositionalConstraint}`);
      return at;
    }
    if (s.SizeConstraintStatement) {
      const c = s.SizeConstraintStatement;
      if (!c.FieldToMatch.Body) throw new Error('only body sizes are modelled');
      if (request.bodyBytes > inspectionLimit) return c.FieldToMatch.Body.OversizeHandling === 'MATCH';
      const ops: Record<string, boolean> = {
        GT: request.bodyBytes > c.Size,
        GE: request.bodyBytes >= c.Size,
        LT: request.bodyBytes < c.Size,
        LE: request.bodyBytes <= c.Size,
        EQ: request.bodyBytes === c.Size,
        NE: request.bodyBytes !== c.Size,
      };
      return ops[c.ComparisonOperator] ?? false;
    }
    if (s.RateBasedStatement) return false;
    throw new Error(`statement not modelled: ${Object.keys(s).join(',')}`);
  };
  for (const rule of [...acl.Rules].sort((a, b) => a.Priority - b.Priority)) {
    const group = rule.Statement.ManagedRuleGroupStatement;
    if (group) {
      if (group.ScopeDownStatement && !matches(group.ScopeDownStatement)) continue;
      if (group.Name !== 'AWSManagedRulesCommonRuleSet' || request.bodyBytes <= 8 * 1024) continue;
      const counted = (group.RuleActionOverrides ?? []).some(
        (o: Json) => o.Name === 'SizeRestrictions_BODY' && o.ActionToUse.Count,
      );
      if (!counted && !rule.OverrideAction?.Count) return `${rule.Name}/SizeRestrictions_BODY`;
      continue;
    }
    if (matches(rule.Statement) && rule.Action?.Block) return rule.Name;
  }
  return undefined;
}

describe.each(environmentNames)('%s web ACL', (env) => {
  const acl = () => {
    const acls = resourcesOf(env, 'AWS::WAFv2::WebACL');
    expect(acls).toHaveLength(1);
    return acls[0]?.r.Properties as Record<string, Json>;
  };

  test("no rule blocks a full-size request to the app's own large-body routes", () => {
    const routes = serverLargeBodyRoutes();
    expect(routes).toContain('/api/staff/products/import');
    for (const path of routes) {
      // Past Json inspection limit: WAF sees only the first part and treats the rest per rule.
      for (const bodyBytes of [9 * 1024, 100 * 1024, 5 * 1024 * 1024]) {
        expect(wafBlocks(acl(), { path, bodyBytes }), `${path} ${bodyBytes} B`).toBeUndefined();
      }
    }
  });

  test('a product with a full 5,000-character Japanese description passes; oversized JSON elsewhere is blocked', () => {
    expect(wafBlocks(acl(), { path: '/api/staff/products/42', bodyBytes: 5000 * 3 + 2048 })).toBeUndefined();
    expect(wafBlocks(acl(), { path: '/api/orders', bodyBytes: 200 * 1024 })).toBeDefined();
    // The model is not vacuous: the common rule set unscoped would block the import.
    const unscoped = structuredClone(acl());
    for (const rule of unscoped.Rules) {
      const group = rule.Statement.ManagedRuleGroupStatement;
      if (group) {
        delete group.ScopeDownStatement;
        delete group.RuleActionOverrides;
      }
    }
    expect(wafBlocks(unscoped, { path: '/api/staff/products/import', bodyBytes: 100 * 1024 })).toBe(
      'AWSManagedRulesCommonRuleSet/SizeRestrictions_BODY',
    );
  });

  test('a per-IP rate rule blocks, and every request is logged with credentials redacted', () => {
    const rate = acl().Rules.find((r: Json) => r.Statement.RateBasedStatement);
    expect(rate?.Action).toEqual({ Block: {} });
    const logging = resourcesOf(env, 'AWS::WAFv2::LoggingConfiguration');
    expect(logging).toHaveLength(1);
    const config = logging[0]?.r.Properties ?? {};
    expect(JSON.stringify(config.LogDestinationConfigs)).toContain(':log-group:aws-waf-logs-');
    expect(JSON.stringify(config.LogDestinationConfigs)).not.toContain(':*');
    expect(config.RedactedFields).toEqual(
      expect.arrayContaining([{ SingleHeader: { Name: 'authorization' } }, { SingleHeader: { Name: 'cookie' } }]),
    );
  });
});
