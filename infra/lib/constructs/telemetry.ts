import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { alertBus } from '../../../server/src/flows/alert-bus.ts';
import type { ResourceDimensions } from './catalogue-alarms.ts';
import { addAccessLogs } from './http-api-access-logs.ts';
import { KuraFunction, lambdaDatabaseEnvironment } from './kura-function.ts';
import type { KuraRuntime } from './kura-task.ts';
import type { TelemetryStore } from './telemetry-store.ts';

/** The devices' endpoint (issue 14's public contract), the one route of the ingest API. */
export const ingestRoute = { method: apigwv2.HttpMethod.POST, path: '/ingest/v1/readings' } as const;

/** The settings the telemetry functions get, by the names server/src/platform/config/config.ts reads. */
export const telemetrySettings = {
  store: 'TELEMETRY_STORE',
  table: 'TELEMETRY_DYNAMODB_TABLE',
  alertQueueUrl: 'TELEMETRY_ALERT_QUEUE_URL',
} as const;

/**
 * What the outbox relays publish on the bus (EventBridge `source` and `detail-type`) and the rule
 * delivers to the worker: the `detail` is the event envelope the worker's queue carries for every event.
 * The server's own list (its EventBridge publisher routes exactly these types), read from source.
 */
export const alertEvents = alertBus;

/** The setting naming the bus the relays publish alert events on (server/src/platform/config/config.ts). */
export const eventBusSetting = 'KURA_EVENT_BUS_NAME';

export interface TelemetryProps {
  readonly store: TelemetryStore;
  readonly vpc: ec2.IVpc;
  /** A group Aurora admits: device keys and alert rules live in PostgreSQL (ADR 0017 uses the API's). */
  readonly securityGroup: ec2.ISecurityGroup;
  /** The ECS processes' settings: profile, the app's database login, log retention, shared environment. */
  readonly runtime: KuraRuntime;
  /** API Gateway's steady-state requests per second for the ingest API, and its burst (all devices). */
  readonly ingestThrottle: { readonly ratePerSecond: number; readonly burst: number };
  /** The worker's event queue (Messaging.queue): alert events become staff tasks there. */
  readonly workerQueue: sqs.IQueue;
  /** Receives before a message the alert evaluation keeps failing on goes to its dead-letter queue. */
  readonly maxReceiveCount: number;
  /** The event bus's name (one per environment). */
  readonly busName: string;
}

/**
 * Issue 14 on AWS, the release side (the readings table is the data stack's TelemetryStore): devices post
 * to an HTTP API whose one route runs the ingest function (device keys checked in Aurora, readings written
 * to DynamoDB, a notice queued for the alert evaluation); the alert function reads those notices from its
 * queue (partial batch failures, a dead-letter queue behind it); AlertRaised/AlertCleared published on the
 * event bus reach the worker's queue through a rule. Its alarms and dashboard rows are the catalogue's (`metricResources`).
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
      environment: {
        ...database,
        ...readingsStore,
        // Each stored batch's notice, for the alert function (not evaluated in the ingest function).
        [telemetrySettings.alertQueueUrl]: this.alertQueue.queueUrl,
        OTEL_SERVICE_NAME: 'kura-ingest',
      },
    });
    props.store.grantIngest(this.ingest);
    this.alertQueue.grantSendMessages(this.ingest);
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
  }

  /**
   * A process running the outbox relay (the API, the worker): AlertRaised/AlertCleared go on this bus
   * (PutEvents on it, nothing else), named in its environment.
   */
  addAlertPublisher(relay: iam.IGrantable & { readonly task: { readonly container: ecs.ContainerDefinition } }): void {
    this.bus.grantPutEventsTo(relay);
    relay.task.container.addEnvironment(eventBusSetting, this.bus.eventBusName);
  }

  /** The URL devices post to (`<url>ingest/v1/readings`). */
  get ingestUrl(): string {
    return this.httpApi.apiEndpoint;
  }

  /**
   * The dimension values of telemetry's resources, for the catalogue's alarms and dashboard rows
   * (Observability.addAlarms / addWidgets build them in this construct's place).
   */
  get metricResources(): ResourceDimensions {
    const queue = (q: sqs.IQueue) => ({ QueueName: q.queueName });
    return {
      ingestFunction: { FunctionName: this.ingest.function.functionName },
      alertFunction: { FunctionName: this.alert.function.functionName },
      ingestApi: { ApiId: this.httpApi.apiId },
      alertQueue: queue(this.alertQueue),
      alertDlq: queue(this.alertDeadLetterQueue),
      deliveryDlq: queue(this.deliveryDeadLetterQueue),
      readingsTable: { TableName: this.props.store.table.tableName },
      alertRule: { EventBusName: this.bus.eventBusName, RuleName: this.alertRule.ruleName },
    };
  }
}

function withoutRegion(environment: Record<string, string>): Record<string, string> {
  const { AWS_REGION: _reserved, ...rest } = environment;
  return rest;
}
