import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { pagingAlarm } from './observability.ts';
import type { TelemetryStore } from './telemetry-store.ts';

/**
 * What the alert evaluation publishes on the bus (EventBridge `source` and `detail-type`) and the rule
 * delivers to the worker: the `detail` is the event envelope the worker's queue carries for every event.
 */
export const alertEvents = { source: 'kura.telemetry', detailTypes: ['AlertRaised', 'AlertCleared'] } as const;

export interface TelemetryProps {
  readonly store: TelemetryStore;
  /** The worker's event queue (Messaging.queue): alert events become staff tasks there. */
  readonly workerQueue: sqs.IQueue;
  /** Receives before a message the alert evaluation keeps failing on goes to its dead-letter queue. */
  readonly maxReceiveCount: number;
  /** Observability.topic: every telemetry alarm tells it. */
  readonly alarmTopic: sns.ITopic;
  /** The event bus's name (one per environment). */
  readonly busName: string;
}

/**
 * Issue 14 on AWS, the release side (the readings table is the data stack's TelemetryStore): the alert
 * evaluation's queue and dead-letter queue, the event bus it publishes AlertRaised/AlertCleared on and
 * the rule that delivers them to the worker's queue, and the alarms and dashboard rows of all of it.
 */
export class Telemetry extends Construct {
  /** Feeds the alert evaluation (a Lambda function reporting partial batch failures). */
  readonly alertQueue: sqs.Queue;
  readonly alertDeadLetterQueue: sqs.Queue;
  readonly bus: events.EventBus;
  readonly alertRule: events.Rule;
  /** What EventBridge could not deliver to the worker's queue, after its retries. */
  readonly deliveryDeadLetterQueue: sqs.Queue;
  readonly alarms: cloudwatch.Alarm[] = [];
  private readonly props: TelemetryProps;

  constructor(scope: Construct, id: string, props: TelemetryProps) {
    super(scope, id);
    this.props = props;

    this.alertDeadLetterQueue = new sqs.Queue(this, 'AlertDlq', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.alertQueue = new sqs.Queue(this, 'AlertQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Lambda's advice for an event source: six times the function's timeout (30 s), so a batch retried
      // by the poller is not handed out again while the first attempt still runs.
      visibilityTimeout: Duration.seconds(180),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.alertDeadLetterQueue, maxReceiveCount: props.maxReceiveCount },
    });

    this.bus = new events.EventBus(this, 'Bus', { eventBusName: props.busName });
    this.deliveryDeadLetterQueue = new sqs.Queue(this, 'DeliveryDlq', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deliveryDeadLetterQueue).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SQS3',
      reason:
        "It is a dead-letter queue: the EventBridge rule target's (DeadLetterConfig), which cdk-nag does not recognise because no queue's redrive policy names it.",
    });
    this.alertRule = new events.Rule(this, 'AlertsToWorker', {
      eventBus: this.bus,
      description: 'Telemetry alerts raised and cleared, to the worker (staff tasks)',
      eventPattern: { source: [alertEvents.source], detailType: [...alertEvents.detailTypes] },
    });
    this.alertRule.addTarget(
      new targets.SqsQueue(props.workerQueue, {
        // The worker reads an event envelope from every message, whoever sent it.
        message: events.RuleTargetInput.fromEventPath('$.detail'),
        deadLetterQueue: this.deliveryDeadLetterQueue,
        retryAttempts: 185,
        maxEventAge: Duration.hours(24),
      }),
    );

    this.addAlarms();
  }

  private addAlarms(): void {
    const topic = this.props.alarmTopic;
    const alarm = (id: string, metric: cloudwatch.IMetric, description: string, periods = 1, threshold = 0) =>
      this.alarms.push(pagingAlarm(this, id, { metric, threshold, description, periods, topic }));
    const oneMinuteMax = { period: Duration.minutes(1), statistic: 'Maximum' };
    const fiveMinuteSum = { period: Duration.minutes(5), statistic: 'Sum' };
    const { table } = this.props.store;

    alarm(
      'AlertDlqNotEmpty',
      this.alertDeadLetterQueue.metricApproximateNumberOfMessagesVisible(oneMinuteMax),
      'Telemetry: readings the alert evaluation kept failing on are in its dead-letter queue',
    );
    alarm(
      'DeliveryDlqNotEmpty',
      this.deliveryDeadLetterQueue.metricApproximateNumberOfMessagesVisible(oneMinuteMax),
      'Telemetry: EventBridge could not deliver alert events to the worker queue (no staff task was made)',
    );
    alarm(
      'ReadingsThrottles',
      new cloudwatch.MathExpression({
        label: 'throttled requests',
        expression: 'FILL(reads, 0) + FILL(writes, 0)',
        usingMetrics: {
          reads: table.metric('ReadThrottleEvents', fiveMinuteSum),
          writes: table.metric('WriteThrottleEvents', fiveMinuteSum),
        },
        period: Duration.minutes(5),
      }),
      'Telemetry: DynamoDB throttled reads or writes of the readings table',
    );
    alarm(
      'ReadingsSystemErrors',
      table.metricSystemErrorsForOperations({ ...fiveMinuteSum, operations: readingsOperations }),
      'Telemetry: DynamoDB answered the readings table with 500s (system errors)',
    );
  }

  /** Dashboard rows, for Observability's dashboard. */
  dashboardRows(): cloudwatch.IWidget[][] {
    const { table } = this.props.store;
    return [
      [
        new cloudwatch.GraphWidget({
          title: 'Telemetry alert queues',
          left: [
            this.alertQueue.metricApproximateNumberOfMessagesVisible(),
            this.alertDeadLetterQueue.metricApproximateNumberOfMessagesVisible(),
            this.deliveryDeadLetterQueue.metricApproximateNumberOfMessagesVisible(),
          ],
          right: [this.alertQueue.metricApproximateAgeOfOldestMessage()],
          width: 12,
        }),
        new cloudwatch.GraphWidget({
          title: 'Readings table (consumed units, throttles)',
          left: [table.metricConsumedWriteCapacityUnits(), table.metricConsumedReadCapacityUnits()],
          right: [table.metric('WriteThrottleEvents'), table.metric('ReadThrottleEvents')],
          width: 12,
        }),
      ],
      [
        new cloudwatch.GraphWidget({
          title: 'Alert events to the worker',
          left: [this.ruleMetric('MatchedEvents'), this.ruleMetric('FailedInvocations')],
          width: 12,
        }),
        new cloudwatch.AlarmStatusWidget({ title: 'Telemetry alarms', alarms: this.alarms, width: 12 }),
      ],
    ];
  }

  /** The rule's own metrics (a custom bus's rules are counted per bus and rule). */
  private ruleMetric(metricName: string): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: 'AWS/Events',
      metricName,
      dimensionsMap: { EventBusName: this.bus.eventBusName, RuleName: this.alertRule.ruleName },
      statistic: 'Sum',
    });
  }
}

/** The readings store's calls (the adapter's batch writes, conditional puts, range queries). */
const readingsOperations = [
  dynamodb.Operation.BATCH_WRITE_ITEM,
  dynamodb.Operation.PUT_ITEM,
  dynamodb.Operation.UPDATE_ITEM,
  dynamodb.Operation.TRANSACT_WRITE_ITEMS,
  dynamodb.Operation.QUERY,
  dynamodb.Operation.GET_ITEM,
  dynamodb.Operation.BATCH_GET_ITEM,
];
