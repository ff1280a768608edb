import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { addAccessLogs } from './http-api-access-logs.ts';
import {
  acknowledgeFunctionObservability,
  functionObservability,
  lambdaDatabaseEnvironment,
  vpcFunctionRole,
} from './kura-function.ts';
import type { KuraRuntime } from './kura-task.ts';

/** The product API's public reads and the order API's signed-in routes (seed 003), as API Gateway routes. */
const productRoutes = ['/api/products', '/api/products/{proxy+}', '/api/categories'];
const orderRoutes = ['/api/orders', '/api/orders/{proxy+}', '/api/cart', '/api/cart/{proxy+}'];

export interface ApiLambdasProps {
  readonly vpc: ec2.IVpc;
  /** The API's security group: the database admits it, so the functions reach Aurora as the ECS API does. */
  readonly securityGroup: ec2.ISecurityGroup;
  readonly runtime: KuraRuntime;
  /** The built bundles (`npm run build` → server/dist), zipped as the functions' code. */
  readonly serverDist: string;
  readonly databaseSecret: secretsmanager.ISecret;
}

/**
 * The product and order APIs as Lambda functions behind an API Gateway HTTP API (seed 003), for an
 * environment whose config selects Lambda compute (ADR 0017). Both run the same bundle (dist/lambda.mjs:
 * the same Hono app as the ECS service); API Gateway sends each only its routes, the order routes behind
 * a Cognito JWT authorizer (the app verifies the token again). Everything else stays on the ECS API.
 */
export class ApiLambdas extends Construct {
  readonly httpApi: apigwv2.HttpApi;
  readonly productFunction: lambda.Function;
  readonly orderFunction: lambda.Function;

  constructor(scope: Construct, id: string, props: ApiLambdasProps) {
    super(scope, id);
    if (!existsSync(join(props.serverDist, 'lambda.mjs'))) {
      throw new Error(
        `${props.serverDist}/lambda.mjs does not exist: run \`npm run build\` before synthesizing Lambda compute`,
      );
    }
    const code = lambda.Code.fromAsset(props.serverDist, { exclude: ['*.map'] });
    // AWS_REGION is the runtime's own on Lambda (reserved); TZ too. The rest is what the ECS tasks get.
    const { AWS_REGION: _region, ...shared } = props.runtime.environment;
    // The zip (server/dist) carries the RDS CA bundle the image carries (server/build.mjs).
    const environment = {
      ...shared,
      ...lambdaDatabaseEnvironment({ profile: props.runtime.profile, databaseSecret: props.databaseSecret }),
    };
    const make = (name: 'Product' | 'Order') => {
      const logGroup = new logs.LogGroup(this, `${name}Logs`, {
        retention: props.runtime.logRetention,
        removalPolicy: RemovalPolicy.DESTROY,
      });
      // Its own role: its log group, its network interfaces, and the grants made below; no managed policy.
      const role = vpcFunctionRole(this, `${name}Role`, logGroup);
      const fn = new lambda.Function(this, `${name}Function`, {
        description: `Kura ${name.toLowerCase()} API (the Hono app on Lambda)`,
        runtime: lambda.Runtime.NODEJS_24_X,
        // The bundles carry sharp's native binary for the machine that built them: CI builds on x86_64.
        architecture: lambda.Architecture.X86_64,
        handler: 'lambda.handler',
        code,
        role,
        memorySize: 1024,
        // API Gateway answers 503 after 30 s; the function stops first.
        timeout: Duration.seconds(29),
        vpc: props.vpc,
        vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
        securityGroups: [props.securityGroup],
        environment: { ...environment, OTEL_SERVICE_NAME: `kura-${name.toLowerCase()}-api` },
        logGroup,
        ...functionObservability,
      });
      props.databaseSecret.grantRead(fn);
      Validations.of(role).acknowledge({
        id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
        reason:
          'A function in a VPC creates and deletes its network interfaces, which EC2 does not scope to a resource (the statement of the AWS-managed AWSLambdaVPCAccessExecutionRole, without its log rights on every group); X-Ray PutTraceSegments/PutTelemetryRecords (active tracing) have no resource-level permissions either.',
      });
      acknowledgeFunctionObservability(role);
      return fn;
    };
    // Neither publishes nor reads media: the outbox relay is the worker's here, staff image routes stay on ECS.
    this.productFunction = make('Product');
    this.orderFunction = make('Order');

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.runtime.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      description: 'Kura product and order APIs (Lambda)',
      createDefaultStage: true,
    });
    addAccessLogs(this.httpApi, accessLogs);
    const products = new HttpLambdaIntegration('Products', this.productFunction);
    for (const path of productRoutes) {
      this.httpApi.addRoutes({
        path,
        methods: [apigwv2.HttpMethod.GET, apigwv2.HttpMethod.HEAD],
        integration: products,
      });
    }
    Validations.of(this.httpApi).acknowledge({
      id: 'AwsSolutions::AwsSolutions-APIG4',
      reason:
        'The product routes are the public catalog (anyone may browse, as on the ECS API); the order routes have the Cognito JWT authorizer.',
    });
  }

  /** The order routes, behind Cognito: tokens of `issuer` whose client is `audience` (the web client). */
  addOrderRoutes(options: { issuer: string; audience: string }): void {
    const authorizer = new HttpJwtAuthorizer('Cognito', options.issuer, { jwtAudience: [options.audience] });
    const orders = new HttpLambdaIntegration('Orders', this.orderFunction);
    for (const path of orderRoutes) {
      this.httpApi.addRoutes({ path, methods: [apigwv2.HttpMethod.ANY], integration: orders, authorizer });
    }
    for (const fn of [this.productFunction, this.orderFunction])
      fn.addEnvironment('KURA_OIDC_AUDIENCE', options.audience);
  }

  /**
   * CloudFront behaviors for the Lambda routes, to be placed before the distribution's `/api/*` (the first
   * matching pattern wins). HTTPS to API Gateway; nothing cached: the ECS API's `/api/*` settings.
   */
  cloudFrontBehaviors(): Record<string, cloudfront.BehaviorOptions> {
    const domain = `${this.httpApi.apiId}.execute-api.${Stack.of(this).region}.amazonaws.com`;
    const origin = new origins.HttpOrigin(domain, { protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY });
    const behavior: cloudfront.BehaviorOptions = {
      origin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      compress: true,
    };
    return Object.fromEntries(
      ['/api/products*', '/api/categories*', '/api/orders*', '/api/cart*'].map((p) => [p, behavior]),
    );
  }
}
