import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as rds from 'aws-cdk-lib/aws-rds';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface ObservabilityProps {
  readonly dashboardName: string;
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly targetGroup: elbv2.ApplicationTargetGroup;
  readonly apiService: ecs.FargateService;
  readonly workerService: ecs.FargateService;
  readonly queue: sqs.IQueue;
  readonly deadLetterQueue: sqs.IQueue;
  readonly cluster: rds.IDatabaseCluster;
  readonly http5xxPercent: number;
  readonly p99LatencySeconds: number;
  readonly oldestMessageSeconds: number;
  readonly alarmEmail: string;
}

/** Alarms that page someone (via one SNS topic) and one dashboard per environment. */
export class Observability extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);

    const key = new kms.Key(this, 'TopicKey', { description: 'Kura alarm topic', enableKeyRotation: true });
    // CloudWatch publishes to an encrypted topic only if the key lets it.
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.topic = new sns.Topic(this, 'Alarms', { masterKey: key, enforceSSL: true, displayName: 'Kura alarms' });
    this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));

    const alb = props.loadBalancer.metrics;
    const fiveMin = { period: Duration.minutes(5) };
    const requests = alb.requestCount({ ...fiveMin, statistic: 'Sum' });
    const errors5xx = new cloudwatch.MathExpression({
      label: '5xx %',
      expression: '100 * (target5xx + elb5xx) / MAX([requests, 1])',
      usingMetrics: {
        target5xx: alb.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { ...fiveMin, statistic: 'Sum' }),
        elb5xx: alb.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, { ...fiveMin, statistic: 'Sum' }),
        requests,
      },
      period: Duration.minutes(5),
    });
    const p99 = props.targetGroup.metrics.targetResponseTime({ ...fiveMin, statistic: 'p99' });
    const dlqDepth = props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(1),
      statistic: 'Maximum',
    });
    const oldest = props.queue.metricApproximateAgeOfOldestMessage({
      period: Duration.minutes(1),
      statistic: 'Maximum',
    });
    const acu = props.cluster.metric('ACUUtilization', { ...fiveMin, statistic: 'Average' });
    const dbCpu = props.cluster.metricCPUUtilization({ ...fiveMin, statistic: 'Average' });
    const unhealthy = props.targetGroup.metrics.unhealthyHostCount({
      period: Duration.minutes(1),
      statistic: 'Maximum',
    });

    this.alarm('Http5xxRate', errors5xx, props.http5xxPercent, 'API 5xx rate above threshold', 2);
    this.alarm('P99Latency', p99, props.p99LatencySeconds, 'API p99 latency above threshold', 3);
    this.alarm('DlqNotEmpty', dlqDepth, 0, 'Messages in the dead-letter queue: inspect and redrive', 1);
    this.alarm('OldestMessageAge', oldest, props.oldestMessageSeconds, 'The event queue is not being drained', 2);
    this.alarm('AuroraAcuSaturation', acu, 90, 'Aurora near its maximum ACU', 3);
    this.alarm('AuroraCpu', dbCpu, 85, 'Aurora CPU high', 3);
    this.alarm('UnhealthyTargets', unhealthy, 0, 'ALB sees unhealthy API tasks', 3);
    for (const [name, service] of [
      ['Api', props.apiService],
      ['Worker', props.workerService],
    ] as const) {
      this.alarm(`${name}CpuSaturation`, service.metricCpuUtilization(fiveMin), 90, `${name} tasks CPU saturated`, 3);
      this.alarm(
        `${name}MemorySaturation`,
        service.metricMemoryUtilization(fiveMin),
        90,
        `${name} tasks memory saturated`,
        3,
      );
    }

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.hours(6),
    });
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({ title: 'Requests', left: [requests], right: [errors5xx], width: 12 }),
      new cloudwatch.GraphWidget({ title: 'Latency p99 (s)', left: [p99], width: 12 }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'ECS CPU / memory (%)',
        left: [props.apiService.metricCpuUtilization(), props.workerService.metricCpuUtilization()],
        right: [props.apiService.metricMemoryUtilization(), props.workerService.metricMemoryUtilization()],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'Aurora',
        left: [acu, dbCpu],
        right: [props.cluster.metricDatabaseConnections()],
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Event queue',
        left: [props.queue.metricApproximateNumberOfMessagesVisible(), dlqDepth],
        right: [oldest],
        width: 12,
      }),
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 12 }),
    );
  }

  private alarm(id: string, metric: cloudwatch.IMetric, threshold: number, description: string, periods: number): void {
    this.alarms.push(pagingAlarm(this, id, { metric, threshold, description, periods, topic: this.topic }));
  }
}

export interface PagingAlarmOptions {
  readonly metric: cloudwatch.IMetric;
  /** Alarms when the metric is above this for `periods` periods in a row. */
  readonly threshold: number;
  readonly description: string;
  readonly periods: number;
  /** The alarm topic (Observability.topic): told when the alarm fires and when it clears. */
  readonly topic: sns.ITopic;
}

/**
 * Kura's one shape of alarm, for constructs that own their alarms (telemetry's): above a threshold for
 * some periods in a row, missing data is fine, and the alarm topic hears both the alarm and the all-clear.
 */
export function pagingAlarm(scope: Construct, id: string, options: PagingAlarmOptions): cloudwatch.Alarm {
  const alarm = new cloudwatch.Alarm(scope, id, {
    metric: options.metric,
    threshold: options.threshold,
    evaluationPeriods: options.periods,
    datapointsToAlarm: options.periods,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    alarmDescription: options.description,
  });
  alarm.addAlarmAction(new actions.SnsAction(options.topic));
  alarm.addOkAction(new actions.SnsAction(options.topic));
  return alarm;
}
