import { fileURLToPath } from 'node:url';
import { CustomResource, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledgeFunctionObservability, functionObservability } from './kura-function.ts';
import { type KuraRuntime, KuraTask } from './kura-task.ts';

export interface MigrationProps {
  readonly vpc: ec2.IVpc;
  readonly cluster: ecs.ICluster;
  readonly runtime: KuraRuntime;
  readonly securityGroup: ec2.ISecurityGroup;
}

/**
 * Applies the database migrations of the image being deployed, as a step of the
 * deployment itself: a custom resource runs the one-off `migrate` task and waits
 * for exit 0. Its properties include the task definition ARN, which changes with
 * every new image, so CloudFormation re-runs it on each release. Services that
 * must not take traffic before the schema is ready call {@link runBefore}.
 */
export class Migration extends Construct {
  readonly task: KuraTask;
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: MigrationProps) {
    super(scope, id);
    this.task = new KuraTask(this, 'Task', {
      runtime: props.runtime,
      entry: 'migrate',
      cpu: 256,
      memoryMiB: 512,
      tracing: false,
      ownsSchema: true,
    });

    const logGroup = new logs.LogGroup(this, 'RunnerLogs', {
      retention: props.runtime.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Own role with only its log group instead of the AWS managed basic-execution policy.
    const role = new iam.Role(this, 'RunnerRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );

    const fn = new lambda.Function(this, 'Runner', {
      role,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(fileURLToPath(new URL('../../lambda/run-migration', import.meta.url))),
      timeout: Duration.minutes(15),
      memorySize: 256,
      description: 'Runs the Kura migrate task during deployment',
      logGroup,
      // Traced and measured like every Kura function: a slow or failing release shows where it waited.
      ...functionObservability,
    });
    acknowledgeFunctionObservability(role);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray PutTraceSegments/PutTelemetryRecords (active tracing) support no resource-level permissions; every other statement of the runner names its resource.',
    });

    const stack = Stack.of(this);
    const taskDefinition = this.task.taskDefinition;
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ecs:RunTask'],
        resources: [taskDefinition.taskDefinitionArn],
        conditions: { ArnEquals: { 'ecs:cluster': props.cluster.clusterArn } },
      }),
    );
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ecs:DescribeTasks'],
        resources: [
          stack.formatArn({ service: 'ecs', resource: 'task', resourceName: `${props.cluster.clusterName}/*` }),
        ],
      }),
    );
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [taskDefinition.taskRole.roleArn, taskDefinition.obtainExecutionRole().roleArn],
      }),
    );

    this.resource = new CustomResource(this, 'Run', {
      serviceToken: fn.functionArn,
      resourceType: 'Custom::KuraMigration',
      serviceTimeout: Duration.minutes(16),
      properties: {
        Cluster: props.cluster.clusterArn,
        TaskDefinition: taskDefinition.taskDefinitionArn,
        ContainerName: this.task.container.containerName,
        Subnets: props.vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }).subnetIds,
        SecurityGroups: [props.securityGroup.securityGroupId],
      },
    });
  }

  /** Makes CloudFormation finish the migration before touching `service`. */
  runBefore(...services: ecs.FargateService[]): void {
    for (const service of services) service.node.addDependency(this.resource);
  }
}
