import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, test } from 'vitest';
import { type SynthesisedEnvironment, synthesiseEnvironment } from './synth.ts';

let dev: SynthesisedEnvironment;
let prd: SynthesisedEnvironment;
beforeAll(() => {
  dev = synthesiseEnvironment('dev');
  prd = synthesiseEnvironment('prd');
});

describe('cost', () => {
  test('dev runs the worker on Fargate Spot and the API beyond its first task; prd runs on regular Fargate', () => {
    const strategies = (t: SynthesisedEnvironment) =>
      Object.entries(t.app.findResources('AWS::ECS::Service')).map(([id, s]) => ({
        id,
        strategy: s.Properties.CapacityProviderStrategy,
        launchType: s.Properties.LaunchType,
      }));
    const devServices = strategies(dev);
    expect(devServices.find((s) => s.id.startsWith('Api'))?.strategy).toEqual([
      { CapacityProvider: 'FARGATE', Base: 1, Weight: 0 },
      { CapacityProvider: 'FARGATE_SPOT', Weight: 1 },
    ]);
    expect(devServices.find((s) => s.id.startsWith('StockWorker'))?.strategy).toEqual([
      { CapacityProvider: 'FARGATE_SPOT', Weight: 1 },
    ]);
    for (const s of strategies(prd)) {
      expect(s.strategy).toBeUndefined();
      expect(s.launchType).toBe('FARGATE');
    }
    dev.app.hasResourceProperties('AWS::ECS::ClusterCapacityProviderAssociations', {
      CapacityProviders: Match.arrayWith(['FARGATE', 'FARGATE_SPOT']),
    });
  });

  test('prd sends Cognito mail through SES from its own DKIM-verified domain; dev uses Cognito', () => {
    prd.data.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'kura-shop.example',
      DkimSigningAttributes: Match.absent(),
    });
    prd.data.resourceCountIs('AWS::Route53::RecordSet', 3); // DKIM CNAMEs
    prd.data.hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: Match.objectLike({
        EmailSendingAccount: 'DEVELOPER',
        From: 'Kura <no-reply@kura-shop.example>',
        SourceArn: Match.anyValue(),
      }),
    });
    dev.data.resourceCountIs('AWS::SES::EmailIdentity', 0);
    dev.data.hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: Match.absent(),
    });
  });

  test('verification and invitation mails are in Japanese in every environment', () => {
    for (const t of [dev, prd]) {
      t.data.hasResourceProperties('AWS::Cognito::UserPool', {
        VerificationMessageTemplate: Match.objectLike({
          DefaultEmailOption: 'CONFIRM_WITH_CODE',
          EmailSubject: '【Kura】メールアドレスの確認',
          EmailMessage: Match.stringLikeRegexp('確認コード: \\{####\\}'),
        }),
        AdminCreateUserConfig: Match.objectLike({
          InviteMessageTemplate: Match.objectLike({
            EmailSubject: '【Kura】アカウントのご案内',
            EmailMessage: Match.stringLikeRegexp('\\{username\\}[\\s\\S]*\\{####\\}'),
          }),
        }),
      });
    }
  });

  test('prd turns on Amazon Inspector enhanced, continuous scanning for the registry (once per account)', () => {
    prd.data.hasResourceProperties('AWS::ECR::RegistryScanningConfiguration', {
      ScanType: 'ENHANCED',
      Rules: [{ ScanFrequency: 'CONTINUOUS_SCAN', RepositoryFilters: [{ Filter: '*', FilterType: 'WILDCARD' }] }],
    });
    dev.data.resourceCountIs('AWS::ECR::RegistryScanningConfiguration', 0);
  });
});

describe('caching', () => {
  test('the public catalog GETs are cached for a minute, keyed by path and query only, ahead of /api/*', () => {
    const distribution = Object.values(dev.app.findResources('AWS::CloudFront::Distribution'))[0];
    const behaviors = distribution?.Properties.DistributionConfig.CacheBehaviors as Array<Record<string, unknown>>;
    const patterns = behaviors.map((b) => b.PathPattern);
    expect(patterns.slice(0, 4)).toEqual(['/api/products', '/api/products/*', '/api/categories', '/api/*']);
    const catalog = behaviors.slice(0, 3);
    const policyIds = new Set(catalog.map((b) => JSON.stringify(b.CachePolicyId)));
    expect(policyIds.size).toBe(1);
    for (const b of catalog) {
      expect(b.AllowedMethods).toEqual(['GET', 'HEAD']);
      expect(b.OriginRequestPolicyId).toBeUndefined();
    }
    const policyRef = (catalog[0]?.CachePolicyId as { Ref?: string } | undefined)?.Ref ?? 'missing';
    const policy = dev.app.toJSON().Resources[policyRef].Properties.CachePolicyConfig;
    expect(policy).toMatchObject({ DefaultTTL: 60, MinTTL: 0, MaxTTL: 300 });
    expect(policy.ParametersInCacheKeyAndForwardedToOrigin).toMatchObject({
      HeadersConfig: { HeaderBehavior: 'none' },
      CookiesConfig: { CookieBehavior: 'none' },
      QueryStringsConfig: { QueryStringBehavior: 'all' },
    });
    // Everything else under /api stays uncached.
    expect(behaviors[3]?.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
  });
});
