import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';

export interface SecretRotationRestartProps {
  readonly secret: secretsmanager.ISecret;
  readonly cluster: ecs.ICluster;
  readonly services: ecs.FargateService[];
}

/**
 * ECS injects the database login when a task starts. The app's login rotates between two users,
 * so the credentials a task started with keep working after one rotation but not after the
 * next: this rule rolls the services onto the new credentials each time, while the previous
 * ones still open connections (no window in which a new connection fails).
 *
 * A rule itself rather than a wrapper: the AwsApi target names its handler (and so the Lambda
 * permissions' logical IDs) after the rule's own construct id.
 */
export class SecretRotationRestart extends events.Rule {
  constructor(scope: Construct, id: string, props: SecretRotationRestartProps) {
    super(scope, id, {
      description: 'Restart Kura services after the database secret rotates',
      eventPattern: {
        source: ['aws.secretsmanager'],
        detailType: ['AWS Service Event via CloudTrail'],
        detail: { eventName: ['RotationSucceeded'], additionalEventData: { SecretId: [props.secret.secretArn] } },
      },
    });
    for (const service of props.services) {
      this.addTarget(
        new targets.AwsApi({
          service: 'ECS',
          action: 'updateService',
          parameters: { cluster: props.cluster.clusterName, service: service.serviceName, forceNewDeployment: true },
          policyStatement: new iam.PolicyStatement({ actions: ['ecs:UpdateService'], resources: [service.serviceArn] }),
        }),
      );
    }
  }
}
