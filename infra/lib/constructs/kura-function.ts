import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct, type IConstruct } from 'constructs';
import { esmRequireBanner, localOnlyExternals, rdsCaBundleFile } from '../../../server/aws-bundle.mjs';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** The server's Lambda entry points (`server/src/entry/<name>.ts`, each exporting `handler`). */
export const serverEntry = (name: string) => join(repoRoot, 'server', 'src', 'entry', `${name}.ts`);

/** Where the function's zip is unpacked. */
export const lambdaTaskRoot = '/var/task';

/**
 * What every Kura function that reaches Aurora needs to find and trust it: the app's login from its secret
 * at cold start (Lambda cannot inject a secret's fields into the environment as ECS does), TLS verified
 * against the RDS bundle the zip carries (the image's mechanism), and a pool of 2 (one event at a time per
 * instance, so many instances stay within Aurora's connections).
 */
export function lambdaDatabaseEnvironment(options: {
  profile: string;
  databaseSecret: secretsmanager.ISecret;
}): Record<string, string> {
  return {
    KURA_PROFILE: options.profile,
    NODE_ENV: 'production',
    DATABASE_SSL: 'true',
    DATABASE_CA_FILE: `${lambdaTaskRoot}/${rdsCaBundleFile}`,
    KURA_DATABASE_SECRET_ARN: options.databaseSecret.secretArn,
    DATABASE_POOL_SIZE: '2',
    LOG_LEVEL: 'info',
    NODE_OPTIONS: '--enable-source-maps',
  };
}

/**
 * X-Ray active tracing and Lambda Insights, on every Kura function (the API, telemetry and migration
 * functions alike): one trace from CloudFront to the database, and each function's memory, CPU and cold
 * starts beside its duration. The extension writes to the account-wide `/aws/lambda-insights` group,
 * which the App stack gives a retention.
 */
export const functionObservability = {
  tracing: lambda.Tracing.ACTIVE,
  insightsVersion: lambda.LambdaInsightsVersion.VERSION_1_0_498_0,
} as const;

/**
 * Lambda Insights' account-wide `/aws/lambda-insights` group, which its extension would otherwise create on
 * a function's first run with no retention. A group shared by every environment in the account, so it is
 * not a stack's resource: CDK's LogRetention creates it if missing, sets the retention, and keeps the group
 * when the stack goes (another environment may still write to it).
 */
export class LambdaInsightsLogs extends Construct {
  static readonly logGroupName = '/aws/lambda-insights';

  constructor(scope: Construct, id: string, props: { retention: logs.RetentionDays }) {
    super(scope, id);
    new logs.LogRetention(this, 'Retention', {
      logGroupName: LambdaInsightsLogs.logGroupName,
      retention: props.retention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CDK's provider function is one per stack, a child of the stack.
    const provider = Stack.of(this).node.children.find((c) => c.node.id.startsWith('LogRetention'));
    if (provider) {
      Validations.of(provider).acknowledge({
        id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "CDK's LogRetention provider (deploy-time only): the managed policy grants writing its own logs, whose group has a retention (explicit-log-groups.ts).",
      });
      Validations.of(provider).acknowledge({
        id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
        reason:
          "CDK's LogRetention provider sets retention on a group named at deploy time (here only /aws/lambda-insights); CDK offers no way to scope its policy.",
      });
    }
  }
}

/** The managed policy CDK attaches with the Insights layer, acknowledged on the function's role. */
export function acknowledgeFunctionObservability(role: IConstruct): void {
  Validations.of(role).acknowledge({
    id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/CloudWatchLambdaInsightsExecutionRolePolicy]',
    reason:
      "Lambda Insights' extension needs this AWS-maintained policy (CDK attaches it with the layer): it only creates and writes the /aws/lambda-insights log group.",
  });
}

/**
 * A function's own role: writing its log group and managing its network interfaces in the VPC (the
 * statement of the AWS-managed AWSLambdaVPCAccessExecutionRole, without its log rights on every group),
 * and the grants its construct adds. No managed policy of its own.
 */
export function vpcFunctionRole(scope: Construct, id: string, logGroup: logs.ILogGroup): iam.Role {
  const role = new iam.Role(scope, id, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  role.addToPolicy(
    new iam.PolicyStatement({
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [logGroup.logGroupArn],
    }),
  );
  role.addToPolicy(
    new iam.PolicyStatement({
      actions: [
        'ec2:CreateNetworkInterface',
        'ec2:DescribeNetworkInterfaces',
        'ec2:DeleteNetworkInterface',
        'ec2:AssignPrivateIpAddresses',
        'ec2:UnassignPrivateIpAddresses',
      ],
      resources: ['*'],
    }),
  );
  return role;
}

export interface KuraFunctionProps {
  /** The entry file's name under server/src/entry (without `.ts`); it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly vpc: ec2.IVpc;
  /** A group the database admits (ADR 0017: the API's). */
  readonly securityGroup: ec2.ISecurityGroup;
  readonly logRetention: logs.RetentionDays;
  readonly environment: Record<string, string>;
  readonly memorySize: number;
  readonly timeout: Duration;
}

/**
 * A server entry point as its own small Lambda function: bundled from its TypeScript source by local
 * esbuild (no Docker), minified with a source map, the RDS CA bundle beside it. Node 24 on arm64 (no
 * native code in these bundles; cheaper per GB-second than x86_64), in the VPC's private subnets, X-Ray
 * active tracing and Lambda Insights on, its own log group and role.
 */
export class KuraFunction extends Construct implements iam.IGrantable {
  readonly function: nodejs.NodejsFunction;
  readonly logGroup: logs.LogGroup;
  readonly role: iam.Role;
  readonly grantPrincipal: iam.IPrincipal;

  constructor(scope: Construct, id: string, props: KuraFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = vpcFunctionRole(this, 'Role', this.logGroup);
    this.grantPrincipal = this.role;
    this.function = new nodejs.NodejsFunction(this, 'Function', {
      description: props.description,
      entry: serverEntry(props.entry),
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [props.securityGroup],
      ...functionObservability,
      environment: props.environment,
      bundling: {
        format: nodejs.OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        banner: esmRequireBanner,
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        // The AWS SDK is bundled at the versions the lockfile pins and the tests ran, not the runtime's.
        externalModules: [...localOnlyExternals],
        forceDockerBundling: false,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_input, output) => [
            `node ${join(repoRoot, 'server', 'aws-bundle.mjs')} rds-ca-bundle ${output}`,
          ],
        },
      },
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason:
        'EC2 does not scope the network-interface calls a function in a VPC makes, and X-Ray PutTraceSegments/PutTelemetryRecords (active tracing) support no resource-level permissions; every other statement names its resource.',
    });
    acknowledgeFunctionObservability(this.role);
  }
}
