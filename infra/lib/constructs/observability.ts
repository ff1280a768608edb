import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as rds from 'aws-cdk-lib/aws-rds';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  type AlarmId,
  awsDashboardCatalogue,
  awsMetricCatalogue,
  dashboardCatalogue,
  metricNamespace,
  type RollsBack,
} from '../../../server/src/platform/observability/catalogue.ts';
import type { EnvironmentConfig } from '../config/schema.ts';
import {
  addCatalogueAlarms,
  type CatalogueAlarm,
  catalogueAwsMetric,
  type ResourceDimensions,
} from './catalogue-alarms.ts';

export interface ObservabilityProps {
  readonly dashboardName: string;
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly targetGroup: elbv2.ApplicationTargetGroup;
  readonly apiService: ecs.FargateService;
  readonly workerService: ecs.FargateService;
  readonly queue: sqs.IQueue;
  readonly deadLetterQueue: sqs.IQueue;
  readonly cluster: rds.IDatabaseCluster;
  /** The environment's thresholds in place of the catalogue's defaults (`alarmThresholds`). */
  readonly thresholds: Partial<Record<AlarmId, number>>;
  readonly alarmEmail: string;
}

/** The thresholds an environment sets itself (EnvironmentConfig.alarms, .queue); the rest are the catalogue's. */
export function alarmThresholds(config: EnvironmentConfig): Partial<Record<AlarmId, number>> {
  return {
    Http5xxRate: config.alarms.http5xxPercent,
    P99Latency: config.alarms.p99LatencySeconds,
    OldestMessageAge: config.queue.oldestMessageAlarmSeconds,
    IngestApi5xxRate: config.alarms.http5xxPercent,
    IngestApiP99Latency: config.alarms.p99LatencySeconds * 1000,
  };
}

/**
 * The catalogue's alarms and dashboard for one environment: every alarm pages one encrypted SNS topic
 * (an e-mail subscription), the ones marked `rollsBack` also roll back their ECS service's deployment.
 * Constructs that own other resources (telemetry, job schedules) get theirs through `addAlarms`.
 */
export class Observability extends Construct {
  readonly topic: sns.Topic;
  /** Every catalogue alarm of the environment, whichever construct holds it. */
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;
  private readonly thresholds: Partial<Record<AlarmId, number>>;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    this.thresholds = props.thresholds;

    this.topic = createAlarmTopic(this, props.alarmEmail);

    const lb = props.loadBalancer.loadBalancerFullName;
    const service = (s: ecs.FargateService) => ({ ClusterName: s.cluster.clusterName, ServiceName: s.serviceName });
    const resources: ResourceDimensions = {
      loadBalancer: { LoadBalancer: lb },
      targetGroup: { LoadBalancer: lb, TargetGroup: props.targetGroup.targetGroupFullName },
      eventQueue: { QueueName: props.queue.queueName },
      eventDlq: { QueueName: props.deadLetterQueue.queueName },
      database: { DBClusterIdentifier: props.cluster.clusterIdentifier },
      apiService: service(props.apiService),
      workerService: service(props.workerService),
    };
    const built = this.addAlarms(this, resources, { kura: true });

    // A deployment whose new tasks make these alarms fire is rolled back (besides the circuit breaker,
    // which sees only tasks that fail to start). None of them reads the service itself: no cycle.
    const rollbacks: Record<RollsBack, ecs.FargateService> = { api: props.apiService, worker: props.workerService };
    for (const [name, target] of Object.entries(rollbacks) as [RollsBack, ecs.FargateService][]) {
      const names = built.filter((b) => b.rollsBack === name).map((b) => b.alarm.alarmName);
      if (names.length > 0) target.enableDeploymentAlarms(names, { behavior: ecs.AlarmBehavior.ROLLBACK_ON_ALARM });
    }

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.hours(6),
    });
    this.addRows([
      ...dashboardCatalogue.map(
        (widget) =>
          new cloudwatch.GraphWidget({
            title: widget.title,
            left: widget.metrics.map(
              (m) =>
                new cloudwatch.Metric({ namespace: metricNamespace, metricName: m.metric, statistic: m.statistic }),
            ),
            width: 12,
          }),
      ),
      ...this.widgetsFor(resources),
      // The list is read at synth: alarms added later (telemetry's) are on it too.
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 12 }),
    ]);
  }

  /** Builds, in `scope`, the catalogue's alarms on these resources, each paging the topic. */
  addAlarms(scope: Construct, resources: ResourceDimensions, options: { kura?: boolean } = {}): CatalogueAlarm[] {
    const built = addCatalogueAlarms(scope, {
      resources,
      topic: this.topic,
      thresholds: this.thresholds,
      ...(options.kura ? { kura: true } : {}),
    });
    this.alarms.push(...built.map((b) => b.alarm));
    return built;
  }

  /** Adds the catalogue's dashboard widgets on these resources (telemetry's rows). */
  addWidgets(resources: ResourceDimensions): void {
    this.addRows(this.widgetsFor(resources));
  }

  /** The AWS widgets of the catalogue whose every metric reads one of these resources. */
  private widgetsFor(resources: ResourceDimensions): cloudwatch.IWidget[] {
    const has = (metric: keyof typeof awsMetricCatalogue) =>
      resources[awsMetricCatalogue[metric].resource] !== undefined;
    return awsDashboardCatalogue
      .filter((w) => [...w.left, ...(w.right ?? [])].every((use) => has(use.metric)))
      .map(
        (w) =>
          new cloudwatch.GraphWidget({
            title: w.title,
            left: w.left.map((use) => catalogueAwsMetric(use, resources)),
            right: (w.right ?? []).map((use) => catalogueAwsMetric(use, resources)),
            width: 12,
          }),
      );
  }

  /** Two widgets a row. */
  private addRows(widgets: cloudwatch.IWidget[]): void {
    for (let i = 0; i < widgets.length; i += 2) this.dashboard.addWidgets(...widgets.slice(i, i + 2));
  }
}

/**
 * The topic every alarm of a region pages: encrypted with its own rotating key (which CloudWatch may
 * use to publish), TLS only, and an e-mail subscription (the address the environment's config requires).
 */
export function createAlarmTopic(scope: Construct, email: string): sns.Topic {
  const key = new kms.Key(scope, 'TopicKey', { description: 'Kura alarm topic', enableKeyRotation: true });
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
    }),
  );
  const topic = new sns.Topic(scope, 'Alarms', { masterKey: key, enforceSSL: true, displayName: 'Kura alarms' });
  topic.addSubscription(new subscriptions.EmailSubscription(email));
  return topic;
}
