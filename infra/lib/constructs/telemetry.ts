import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { addAccessLogs } from './http-api-access-logs.ts';
import { KuraFunction, lambdaDatabaseEnvironment } from './kura-function.ts';
import type { KuraRuntime } from './kura-task.ts';
import { pagingAlarm } from './observability.ts';
import type { TelemetryStore } from './telemetry-store.ts';

/** The devices' endpoint (issue 14's public contract), the one route of the ingest API. */
export const ingestRoute = { method: apigwv2.HttpMethod.POST, path: '/ingest/v1/readings' } as const;

/** The settings the telemetry functions get, by the names server/src/platform/config/config.ts reads. */
export const telemetrySettings = {
  store: 'TELEMETRY_STORE',
  table: 'TELEMETRY_DYNAMODB_TABLE',
} as const;

/**
 * What the alert evaluation publishes on the bus (EventBridge `source` and `detail-type`) and the rule
 * delivers to the worker: the `detail` is the event envelope the worker's queue carries for every event.
 */
export const alertEvents = { source: 'kura.telemetry', detailTypes: ['AlertRaised', 'AlertCleared'] } as const;

export interface TelemetryProps {
  readonly store: TelemetryStore;
  readonly vpc: ec2.IVpc;
  /** A group Aurora admits: device keys and alert rules live in PostgreSQL (ADR 0017 uses the API's). */
  readonly securityGroup: ec2.ISecurityGroup;
  /** The ECS processes' settings: profile, the app's database login, log retention, shared environment. */
  readonly runtime: KuraRuntime;
  /** API Gateway's steady-state requests per second for the ingest API, and its burst (all devices). */
  readonly ingestThrottle: { readonly ratePerSecond: number; readonly burst: number };
  /** Alarm thresholds shared with the ECS API's (EnvironmentConfig.alarms). */
  readonly http5xxPercent: number;
  readonly p99LatencySeconds: number;
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
 * Issue 14 on AWS, the release side (the readings table is the data stack's TelemetryStore): devices post
 * to an HTTP API whose one route runs the ingest function (device keys checked in Aurora, readings written
 * to DynamoDB, a notice queued for the alert evaluation); the alert function reads those notices from its
 * queue (partial batch failures, a dead-letter queue behind it); AlertRaised/AlertCleared published on the
 * event bus reach the worker's queue through a rule. Alarms and dashboard rows for all of it.
 */
export class Telemetry extends Construct {
  /** Feeds the alert evaluation (a Lambda function reporting partial batch failures). */
  readonly alertQueue: sqs.Queue;
  readonly alertDeadLetterQueue: sqs.Queue;
  readonly bus: events.EventBus;
  readonly alertRule: events.Rule;
  /** What EventBridge could not deliver to the worker's queue, after its retries. */
  readonly deliveryDeadLetterQueue: sqs.Queue;
  readonly ingest: KuraFunction;
  readonly alert: KuraFunction;
  readonly httpApi: apigwv2.HttpApi;
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

    const { runtime } = props;
    const { table } = props.store;
    const database = lambdaDatabaseEnvironment({ profile: runtime.profile, databaseSecret: runtime.databaseSecret });
    const readingsStore = { [telemetrySettings.store]: 'dynamodb', [telemetrySettings.table]: table.tableName };
    const vpc = { vpc: props.vpc, securityGroup: props.securityGroup, logRetention: runtime.logRetention };

    this.ingest = new KuraFunction(this, 'Ingest', {
      ...vpc,
      entry: 'ingest-lambda',
      description: 'Kura telemetry ingest: POST /ingest/v1/readings from storehouse sensors',
      // Validation of up to 500 readings and DynamoDB batch writes: I/O-bound, 512 MB is enough CPU.
      memorySize: 512,
      // API Gateway gives up at 30 s; a device retries a whole batch (repeats are duplicates).
      timeout: Duration.seconds(15),
      environment: { ...database, ...readingsStore, OTEL_SERVICE_NAME: 'kura-ingest' },
    });
    props.store.grantIngest(this.ingest);
    runtime.databaseSecret.grantRead(this.ingest);

    this.alert = new KuraFunction(this, 'Alert', {
      ...vpc,
      entry: 'alert-lambda',
      description: 'Kura telemetry alert evaluation: readings stored → alert rules → AlertRaised/AlertCleared',
      memorySize: 512,
      timeout: Duration.seconds(30),
      // The whole app's settings: its config is the API's (the AWS region is Lambda's own, reserved).
      environment: {
        ...withoutRegion(runtime.environment),
        ...database,
        ...readingsStore,
        OTEL_SERVICE_NAME: 'kura-alerts',
      },
    });
    props.store.grantRead(this.alert);
    runtime.databaseSecret.grantRead(this.alert);
    this.alert.function.addEventSource(
      new SqsEventSource(this.alertQueue, {
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(5),
        // SQS deletes what succeeded and redelivers only the failed records (the handler lists them).
        reportBatchItemFailures: true,
        // Each instance holds up to 2 Aurora connections; two instances drain the queue of a few storehouses.
        maxConcurrency: 2,
      }),
    );

    const accessLogs = new logs.LogGroup(this, 'IngestAccessLogs', {
      retention: runtime.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.httpApi = new apigwv2.HttpApi(this, 'IngestApi', {
      description: 'Kura telemetry ingest (storehouse sensors)',
      createDefaultStage: true,
    });
    addAccessLogs(this.httpApi, accessLogs);
    const stage = this.httpApi.defaultStage?.node.defaultChild as apigwv2.CfnStage;
    // Across all devices (each device's own rate is the handler's 429): a runaway fleet is refused at
    // the door instead of scaling functions and Aurora connections without bound.
    stage.defaultRouteSettings = {
      throttlingRateLimit: props.ingestThrottle.ratePerSecond,
      throttlingBurstLimit: props.ingestThrottle.burst,
    };
    this.httpApi.addRoutes({
      path: ingestRoute.path,
      methods: [ingestRoute.method],
      integration: new HttpLambdaIntegration('Ingest', this.ingest.function),
    });
    Validations.of(this.httpApi).acknowledge({
      id: 'AwsSolutions::AwsSolutions-APIG4',
      reason:
        "Devices authenticate with their own key (Authorization: Bearer), checked by the ingest function against the key's hash in Aurora (401 for a bad or revoked key); API Gateway has no authorizer that could check it without a second database lookup.",
    });

    this.addAlarms();
  }

  /** The URL devices post to (`<url>ingest/v1/readings`). */
  get ingestUrl(): string {
    return this.httpApi.apiEndpoint;
  }

  private addAlarms(): void {
    const topic = this.props.alarmTopic;
    const alarm = (id: string, metric: cloudwatch.IMetric, description: string, periods = 1, threshold = 0) =>
      this.alarms.push(pagingAlarm(this, id, { metric, threshold, description, periods, topic }));
    const oneMinuteMax = { period: Duration.minutes(1), statistic: 'Maximum' };
    const fiveMinuteSum = { period: Duration.minutes(5), statistic: 'Sum' };
    const { table } = this.props.store;

    for (const [name, fn] of [
      ['Ingest', this.ingest.function],
      ['Alert', this.alert.function],
    ] as const) {
      alarm(`${name}Errors`, fn.metricErrors(fiveMinuteSum), `Telemetry: the ${name.toLowerCase()} function failed`);
      alarm(
        `${name}Throttles`,
        fn.metricThrottles(fiveMinuteSum),
        `Telemetry: Lambda throttled the ${name.toLowerCase()} function (account or reserved concurrency)`,
      );
    }
    const api = this.httpApi;
    alarm(
      'Api5xxRate',
      new cloudwatch.MathExpression({
        label: '5xx %',
        expression: '100 * FILL(errors, 0) / MAX([FILL(requests, 0), 1])',
        usingMetrics: { errors: api.metricServerError(fiveMinuteSum), requests: api.metricCount(fiveMinuteSum) },
        period: Duration.minutes(5),
      }),
      'Telemetry: ingest API 5xx rate above threshold',
      2,
      this.props.http5xxPercent,
    );
    alarm(
      'ApiP99Latency',
      api.metricLatency({ period: Duration.minutes(5), statistic: 'p99' }),
      'Telemetry: ingest API p99 latency above threshold',
      3,
      this.props.p99LatencySeconds * 1000,
    );
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
      // FILL: a sum over per-operation series is empty wherever one of them has no data point.
      new cloudwatch.MathExpression({
        label: 'system errors',
        expression: readingsOperations.map((op) => `FILL(${op.toLowerCase()}, 0)`).join(' + '),
        usingMetrics: Object.fromEntries(
          readingsOperations.map((op) => [
            op.toLowerCase(),
            table.metric('SystemErrors', {
              ...fiveMinuteSum,
              dimensionsMap: { TableName: table.tableName, Operation: op },
            }),
          ]),
        ),
        period: Duration.minutes(5),
      }),
      'Telemetry: DynamoDB answered the readings table with 500s (system errors)',
    );
  }

  /** Dashboard rows, for Observability's dashboard. */
  dashboardRows(): cloudwatch.IWidget[][] {
    const { table } = this.props.store;
    const api = this.httpApi;
    const functions = [this.ingest.function, this.alert.function];
    return [
      [
        new cloudwatch.GraphWidget({
          title: 'Ingest API (requests, 4xx, 5xx)',
          left: [api.metricCount()],
          right: [api.metricClientError(), api.metricServerError()],
          width: 12,
        }),
        new cloudwatch.GraphWidget({
          title: 'Ingest API latency p99 (ms)',
          left: [api.metricLatency({ statistic: 'p99' }), api.metricIntegrationLatency({ statistic: 'p99' })],
          width: 12,
        }),
      ],
      [
        new cloudwatch.GraphWidget({
          title: 'Telemetry functions: invocations, errors, throttles',
          left: functions.map((fn) => fn.metricInvocations()),
          right: functions.flatMap((fn) => [fn.metricErrors(), fn.metricThrottles()]),
          width: 12,
        }),
        new cloudwatch.GraphWidget({
          title: 'Telemetry functions: duration p99 (ms)',
          left: functions.map((fn) => fn.metricDuration({ statistic: 'p99' })),
          width: 12,
        }),
      ],
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

function withoutRegion(environment: Record<string, string>): Record<string, string> {
  const { AWS_REGION: _reserved, ...rest } = environment;
  return rest;
}
