import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, test } from 'vitest';
import { createKuraApp } from '../lib/app.ts';
import { environmentNames, loadEnvironmentConfig } from '../lib/config/environments.ts';
import { stubServerDist } from './synth.ts';

// The Lambda functions zip the built bundles; a stand-in folder keeps this test independent of `npm run build`
// (scripts/rehearse-deploy.mjs runs the real bundles from cdk.out).
interface Report {
  pluginReports: Array<{ pluginName: string; violations: unknown[] }>;
}

describe('compute per environment (ADR 0017)', () => {
  test('ECS is every environment’s choice unless it says otherwise', () => {
    for (const name of environmentNames) {
      expect(loadEnvironmentConfig(name).compute.productAndOrderApis, name).toBe('ecs');
    }
    expect(() => loadEnvironmentConfig('dev', undefined, { compute: 'fargate' })).toThrow(
      /compute\.productAndOrderApis/,
    );
  });

  test('Lambda compute without the built bundles fails synth with what to run', () => {
    const empty = mkdtempSync(join(tmpdir(), 'kura-dist-'));
    expect(() =>
      createKuraApp({ context: { env: 'dev', imageTag: 't', compute: 'lambda', serverDist: empty } }),
    ).toThrow(/lambda\.mjs does not exist: run `npm run build`/);
  });

  describe('dev with its product and order APIs on Lambda', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'kura-lambda-'));
    const { app, stacks } = createKuraApp({
      outdir,
      context: { env: 'dev', imageTag: 'test-sha', compute: 'lambda', serverDist: stubServerDist() },
    });
    let error: unknown;
    try {
      app.synth();
    } catch (e) {
      error = e;
    }
    const appStack = stacks.dev?.app;
    if (!appStack) throw new Error('no dev app stack');
    const template = Template.fromStack(appStack);

    test('is cdk-nag clean', () => {
      expect(error).toBeUndefined();
      const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as Report;
      for (const plugin of report.pluginReports) expect(plugin.violations, plugin.pluginName).toEqual([]);
    });

    test('two functions run the same bundle on Node 24 in the VPC, trusting the RDS bundle the zip carries', () => {
      const functions = template.findResources('AWS::Lambda::Function', { Properties: { Handler: 'lambda.handler' } });
      expect(Object.keys(functions)).toHaveLength(2);
      for (const fn of Object.values(functions)) {
        const p = fn.Properties;
        expect(p.Runtime).toBe('nodejs24.x');
        expect(p.VpcConfig.SubnetIds.length).toBeGreaterThan(0);
        const env = p.Environment.Variables;
        expect(env).toMatchObject({
          KURA_PROFILE: 'dev',
          DATABASE_SSL: 'true',
          DATABASE_CA_FILE: '/var/task/rds-ca-bundle.pem',
          DATABASE_POOL_SIZE: '2',
        });
        expect(env.KURA_DATABASE_SECRET_ARN).toBeDefined();
        expect(env.KURA_OIDC_ISSUER).toBeDefined();
        expect(env.KURA_OIDC_AUDIENCE).toBeDefined();
        // Reserved by the Lambda runtime: setting it fails the deploy.
        expect(env.AWS_REGION).toBeUndefined();
      }
    });

    test('order routes need a Cognito JWT; the product routes are the public catalog', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        AuthorizerType: 'JWT',
        JwtConfiguration: { Issuer: Match.anyValue(), Audience: [Match.anyValue()] },
      });
      const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
      const byKey = Object.fromEntries(routes.map((r) => [r.RouteKey, r.AuthorizationType]));
      for (const key of ['ANY /api/orders', 'ANY /api/orders/{proxy+}', 'ANY /api/cart', 'ANY /api/cart/{proxy+}'])
        expect(byKey[key], key).toBe('JWT');
      for (const key of ['GET /api/products', 'GET /api/products/{proxy+}', 'GET /api/categories'])
        expect(byKey[key], key).toBe('NONE');
      expect(routes.every((r) => !/staff|admin/.test(r.RouteKey))).toBe(true);
      template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { AccessLogSettings: Match.objectLike({}) });
    });

    test('CloudFront sends the Lambda routes to API Gateway over HTTPS, matched before /api/*', () => {
      const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution'));
      const behaviors = distribution?.Properties.DistributionConfig.CacheBehaviors as Array<{ PathPattern: string }>;
      const order = behaviors.map((b) => b.PathPattern);
      for (const pattern of ['/api/products*', '/api/categories*', '/api/orders*', '/api/cart*']) {
        expect(order.indexOf(pattern), pattern).toBeGreaterThan(-1);
        expect(order.indexOf(pattern), pattern).toBeLessThan(order.indexOf('/api/*'));
      }
      const origins = distribution?.Properties.DistributionConfig.Origins as Array<{
        CustomOriginConfig?: { OriginProtocolPolicy: string };
        DomainName: unknown;
      }>;
      const apiGateway = origins.filter((o) => JSON.stringify(o.DomainName).includes('execute-api'));
      expect(apiGateway).toHaveLength(1);
      expect(apiGateway[0]?.CustomOriginConfig?.OriginProtocolPolicy).toBe('https-only');
    });
  });
});
