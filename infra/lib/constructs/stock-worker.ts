import { Duration } from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type KuraRuntime, KuraTask } from './kura-task.ts';

export interface StockWorkerProps {
  readonly cluster: ecs.ICluster;
  readonly runtime: KuraRuntime;
  readonly securityGroup: ec2.ISecurityGroup;
  /** The queue whose depth scales the service (the stack grants the task its permissions). */
  readonly queue: sqs.IQueue;
  readonly cpu: number;
  readonly memoryMiB: number;
  readonly minCapacity: number;
  readonly maxCapacity: number;
  readonly messagesPerTask: number;
  /** On Fargate Spot: an interrupted worker is replaced within minutes and its messages wait in the queue. */
  readonly spot: boolean;
}

/** The stock worker: the same image as the API, running `dist/worker.mjs`, scaled on queue depth. */
export class StockWorker extends Construct implements iam.IGrantable {
  readonly service: ecs.FargateService;
  readonly task: KuraTask;
  /** The task role, for `grant*` calls of the constructs this service uses. */
  readonly grantPrincipal: iam.IPrincipal;

  constructor(scope: Construct, id: string, props: StockWorkerProps) {
    super(scope, id);
    this.task = new KuraTask(this, 'Task', {
      runtime: props.runtime,
      entry: 'worker',
      cpu: props.cpu,
      memoryMiB: props.memoryMiB,
      tracing: true,
    });
    this.grantPrincipal = this.task.grantPrincipal;

    this.service = new ecs.FargateService(this, 'Service', {
      cluster: props.cluster,
      taskDefinition: this.task.taskDefinition,
      desiredCount: props.minCapacity,
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      circuitBreaker: { enable: true, rollback: true },
      securityGroups: [props.securityGroup],
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      assignPublicIp: false,
      propagateTags: ecs.PropagatedTagSource.SERVICE,
      ...(props.spot ? { capacityProviderStrategies: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] } : {}),
    });

    const scaling = this.service.autoScaleTaskCount({ minCapacity: props.minCapacity, maxCapacity: props.maxCapacity });
    const n = props.messagesPerTask;
    scaling.scaleOnMetric('QueueDepth', {
      metric: props.queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
      scalingSteps: [
        { upper: 0, change: -1 },
        // From zero, the first visible message starts a task; deeper queues add more.
        { lower: 1, change: +1 },
        { lower: n, change: +2 },
        { lower: n * 5, change: +3 },
      ],
      adjustmentType: appscaling.AdjustmentType.CHANGE_IN_CAPACITY,
      cooldown: Duration.seconds(120),
      evaluationPeriods: 2,
    });
  }
}
