/**
 * The one catalogue of Kura's metrics, alarms and dashboard widgets, and of
 * the AWS services' own metrics they read (namespace, name, dimensions). The
 * server records Kura's metrics (metrics.ts: EMF on AWS, the in-process store
 * locally) and evaluates the alarms against its own store (alarms.ts); the
 * CDK app (infra/lib/constructs/observability.ts) imports this very file and
 * turns the same entries into CloudWatch alarms and the dashboard.
 *
 * No imports on purpose: infra reads it from source with its own compiler
 * settings, and nothing of the server comes along.
 */

export const metricNamespace = 'Kura';

export type MetricUnit = 'Count' | 'Milliseconds';

export type MetricDefinition = {
  unit: MetricUnit;
  /** The dimension the metric may also be broken down by; it is always published without one too. */
  dimension?: 'Route' | 'EventType';
  description: string;
};

export const metricCatalogue = {
  OrdersPlaced: { unit: 'Count', description: 'Orders checked out (pending, waiting for stock)' },
  OrdersConfirmed: { unit: 'Count', description: 'Orders whose stock was reserved' },
  OrdersRejected: { unit: 'Count', description: 'Orders refused for want of stock' },
  OrdersCancelled: { unit: 'Count', description: 'Orders cancelled by the customer, staff or the expiry job' },
  OrderSettleLatency: {
    unit: 'Milliseconds',
    description: 'From checkout to the stock verdict (confirmed or rejected)',
  },
  RelayLag: { unit: 'Milliseconds', description: 'From the outbox write to its publication on the queue' },
  QueueAge: {
    unit: 'Milliseconds',
    dimension: 'EventType',
    description: 'From the outbox write to the consumer taking the message',
  },
  DeadLetters: { unit: 'Count', dimension: 'EventType', description: 'Events the consumer gave up on' },
  EventsConsumed: { unit: 'Count', dimension: 'EventType', description: 'Events handled successfully' },
  EventsFailed: {
    unit: 'Count',
    dimension: 'EventType',
    description: 'Deliveries whose handler failed and will be retried (a transient failure)',
  },
  HttpRequests: { unit: 'Count', dimension: 'Route', description: 'API requests answered' },
  HttpLatency: { unit: 'Milliseconds', dimension: 'Route', description: 'Time to answer an API request' },
  Http5xx: { unit: 'Count', dimension: 'Route', description: 'API requests answered with a 5xx' },
  ReadingsAccepted: { unit: 'Count', description: 'Sensor readings stored by ingest' },
  ReadingsRejected: {
    unit: 'Count',
    description: 'Sensor readings refused by ingest (invalid, too old, in the future)',
  },
  AlertsRaised: { unit: 'Count', description: 'Telemetry alerts raised by the rules' },
  AlertNoticesFailed: {
    unit: 'Count',
    description: 'Ingest requests whose stored readings could not be queued for alert evaluation (AWS)',
  },
} as const satisfies Record<string, MetricDefinition>;

export type MetricName = keyof typeof metricCatalogue;

export type Statistic = 'Sum' | 'Average' | 'Maximum' | 'Minimum' | 'SampleCount' | 'p99';
export type Comparison = 'GreaterThanThreshold' | 'GreaterThanOrEqualToThreshold' | 'LessThanThreshold';
/** CloudWatch's treatments of a period with no data point. */
export type MissingData = 'breaching' | 'notBreaching' | 'ignore' | 'missing';

/** The ECS service whose deployment an alarm rolls back (ECS deployment alarms), besides paging. */
export type RollsBack = 'api' | 'worker';

/** What every alarm says, whoever evaluates it. */
type AlarmRule = {
  periodSeconds: number;
  threshold: number;
  comparison: Comparison;
  evaluationPeriods: number;
  /** Breaching periods among the last `evaluationPeriods` that set ALARM (CloudWatch's M of N). */
  datapointsToAlarm: number;
  missingData: MissingData;
  description: string;
  rollsBack?: RollsBack;
};

/** An alarm on one of Kura's own metrics: evaluated by CloudWatch on AWS and by the process locally. */
export type KuraAlarm = AlarmRule & { source: 'kura'; metric: MetricName; statistic: Statistic };

/**
 * The AWS resources whose own metrics the alarms and dashboard read. The CDK app knows each one's
 * dimension values (a queue's name, a service's cluster and name); the catalogue names the dimensions.
 */
export type AwsResource =
  | 'loadBalancer'
  | 'targetGroup'
  | 'eventQueue'
  | 'eventDlq'
  | 'scheduleDlq'
  | 'database'
  | 'apiService'
  | 'workerService'
  | 'distribution'
  | 'ingestFunction'
  | 'alertFunction'
  | 'ingestApi'
  | 'alertQueue'
  | 'alertDlq'
  | 'deliveryDlq'
  | 'readingsTable'
  | 'alertRule';

export type AwsMetricDefinition = {
  namespace: string;
  metricName: string;
  resource: AwsResource;
  /** The dimensions the metric is published with, in the order CloudWatch lists them. */
  dimensions: readonly string[];
};

const alb = (metricName: string, resource: 'loadBalancer' | 'targetGroup' = 'loadBalancer') =>
  ({
    namespace: 'AWS/ApplicationELB',
    metricName,
    resource,
    dimensions: resource === 'loadBalancer' ? ['LoadBalancer'] : ['LoadBalancer', 'TargetGroup'],
  }) as const;
const sqs = (metricName: string, resource: AwsResource) =>
  ({ namespace: 'AWS/SQS', metricName, resource, dimensions: ['QueueName'] }) as const;
const ecs = (metricName: string, resource: 'apiService' | 'workerService') =>
  ({ namespace: 'AWS/ECS', metricName, resource, dimensions: ['ClusterName', 'ServiceName'] }) as const;
const lambda = (metricName: string, resource: 'ingestFunction' | 'alertFunction') =>
  ({ namespace: 'AWS/Lambda', metricName, resource, dimensions: ['FunctionName'] }) as const;
const httpApi = (metricName: string) =>
  ({ namespace: 'AWS/ApiGateway', metricName, resource: 'ingestApi', dimensions: ['ApiId'] }) as const;
const rds = (metricName: string) =>
  ({ namespace: 'AWS/RDS', metricName, resource: 'database', dimensions: ['DBClusterIdentifier'] }) as const;
const dynamodb = (metricName: string, dimensions: readonly string[] = ['TableName']) =>
  ({ namespace: 'AWS/DynamoDB', metricName, resource: 'readingsTable', dimensions }) as const;

/** AWS's own metrics Kura alarms on or charts (CloudWatch publishes them; no Kura process sees them). */
export const awsMetricCatalogue = {
  AlbRequests: alb('RequestCount'),
  AlbTarget5xx: alb('HTTPCode_Target_5XX_Count'),
  AlbElb5xx: alb('HTTPCode_ELB_5XX_Count'),
  AlbTargetResponseTime: alb('TargetResponseTime', 'targetGroup'),
  AlbUnhealthyHosts: alb('UnHealthyHostCount', 'targetGroup'),
  EventQueueVisible: sqs('ApproximateNumberOfMessagesVisible', 'eventQueue'),
  EventQueueOldest: sqs('ApproximateAgeOfOldestMessage', 'eventQueue'),
  EventQueueReceived: sqs('NumberOfMessagesReceived', 'eventQueue'),
  EventDlqVisible: sqs('ApproximateNumberOfMessagesVisible', 'eventDlq'),
  ScheduleDlqVisible: sqs('ApproximateNumberOfMessagesVisible', 'scheduleDlq'),
  AuroraAcu: rds('ACUUtilization'),
  AuroraCpu: rds('CPUUtilization'),
  AuroraConnections: rds('DatabaseConnections'),
  ApiCpu: ecs('CPUUtilization', 'apiService'),
  ApiMemory: ecs('MemoryUtilization', 'apiService'),
  WorkerCpu: ecs('CPUUtilization', 'workerService'),
  WorkerMemory: ecs('MemoryUtilization', 'workerService'),
  // CloudFront publishes in us-east-1 only, with Region=Global.
  CloudFront5xxRate: {
    namespace: 'AWS/CloudFront',
    metricName: '5xxErrorRate',
    resource: 'distribution',
    dimensions: ['DistributionId', 'Region'],
  },
  IngestInvocations: lambda('Invocations', 'ingestFunction'),
  IngestErrors: lambda('Errors', 'ingestFunction'),
  IngestThrottles: lambda('Throttles', 'ingestFunction'),
  IngestDuration: lambda('Duration', 'ingestFunction'),
  AlertInvocations: lambda('Invocations', 'alertFunction'),
  AlertErrors: lambda('Errors', 'alertFunction'),
  AlertThrottles: lambda('Throttles', 'alertFunction'),
  AlertDuration: lambda('Duration', 'alertFunction'),
  IngestApiRequests: httpApi('Count'),
  IngestApi4xx: httpApi('4xx'),
  IngestApi5xx: httpApi('5xx'),
  IngestApiLatency: httpApi('Latency'),
  IngestApiIntegrationLatency: httpApi('IntegrationLatency'),
  AlertQueueVisible: sqs('ApproximateNumberOfMessagesVisible', 'alertQueue'),
  AlertQueueOldest: sqs('ApproximateAgeOfOldestMessage', 'alertQueue'),
  AlertDlqVisible: sqs('ApproximateNumberOfMessagesVisible', 'alertDlq'),
  DeliveryDlqVisible: sqs('ApproximateNumberOfMessagesVisible', 'deliveryDlq'),
  ReadingsReadThrottles: dynamodb('ReadThrottleEvents'),
  ReadingsWriteThrottles: dynamodb('WriteThrottleEvents'),
  ReadingsConsumedReads: dynamodb('ConsumedReadCapacityUnits'),
  ReadingsConsumedWrites: dynamodb('ConsumedWriteCapacityUnits'),
  ReadingsSystemErrors: dynamodb('SystemErrors', ['TableName', 'Operation']),
  AlertRuleMatched: {
    namespace: 'AWS/Events',
    metricName: 'MatchedEvents',
    resource: 'alertRule',
    dimensions: ['EventBusName', 'RuleName'],
  },
  AlertRuleFailed: {
    namespace: 'AWS/Events',
    metricName: 'FailedInvocations',
    resource: 'alertRule',
    dimensions: ['EventBusName', 'RuleName'],
  },
} as const satisfies Record<string, AwsMetricDefinition>;

export type AwsMetricName = keyof typeof awsMetricCatalogue;

/** One AWS metric read by an alarm or widget; `dimensions` fixes the ones the resource does not give. */
export type AwsMetricUse = { metric: AwsMetricName; statistic: Statistic; dimensions?: Record<string, string> };

/**
 * An alarm on AWS's own metrics: CloudWatch evaluates it; no local process has it. Either one metric,
 * or a metric-math `expression` over named metrics (`using`), which the alarm compares.
 */
export type AwsAlarm = AlarmRule & { source: 'aws' } & (
    | { metric: AwsMetricName; statistic: Statistic }
    | { expression: string; label: string; using: Record<string, AwsMetricUse> }
  );

export type AlarmDefinition = KuraAlarm | AwsAlarm;

/** The readings store's DynamoDB calls (the telemetry adapter's batch writes, conditional puts, queries). */
const readingsOperations = [
  'BatchWriteItem',
  'PutItem',
  'UpdateItem',
  'TransactWriteItems',
  'Query',
  'GetItem',
  'BatchGetItem',
] as const;

/** Thresholds that differ per environment come from its config (infra/lib/config); these are the defaults. */
export const alarmCatalogue = {
  OrdersRejectedBurst: {
    source: 'kura',
    metric: 'OrdersRejected',
    statistic: 'Sum',
    periodSeconds: 300,
    threshold: 5,
    comparison: 'GreaterThanThreshold',
    evaluationPeriods: 1,
    datapointsToAlarm: 1,
    missingData: 'notBreaching',
    description: 'More than 5 orders refused for want of stock in 5 minutes: check the stock levels',
  },
  OrderSettleSlow: {
    source: 'kura',
    metric: 'OrderSettleLatency',
    statistic: 'p99',
    periodSeconds: 300,
    threshold: 30_000,
    comparison: 'GreaterThanThreshold',
    evaluationPeriods: 2,
    datapointsToAlarm: 2,
    missingData: 'notBreaching',
    description: 'Orders wait more than 30 s (p99) for their stock verdict',
  },
  RelayLagging: {
    source: 'kura',
    metric: 'RelayLag',
    statistic: 'Maximum',
    periodSeconds: 60,
    threshold: 10_000,
    comparison: 'GreaterThanThreshold',
    evaluationPeriods: 3,
    datapointsToAlarm: 3,
    missingData: 'notBreaching',
    description: 'Outbox events wait more than 10 s to be published',
  },
  QueueAgeHigh: {
    source: 'kura',
    metric: 'QueueAge',
    statistic: 'Maximum',
    periodSeconds: 60,
    threshold: 60_000,
    comparison: 'GreaterThanThreshold',
    evaluationPeriods: 3,
    datapointsToAlarm: 3,
    missingData: 'notBreaching',
    description: 'Events wait more than a minute before the consumer takes them',
  },
  EventsDeadLettered: {
    source: 'kura',
    metric: 'DeadLetters',
    statistic: 'Sum',
    periodSeconds: 60,
    threshold: 0,
    comparison: 'GreaterThanThreshold',
    evaluationPeriods: 1,
    datapointsToAlarm: 1,
    missingData: 'notBreaching',
    description: 'The consumer dead-lettered events: inspect them at /admin and redrive',
  },
  ConsumerFailing: {
    source: 'kura',
    metric: 'EventsFailed',
    statistic: 'Sum',
    periodSeconds: 60,
    threshold: 2,
    comparison: 'GreaterThanThreshold',
    evaluationPeriods: 3,
    datapointsToAlarm: 2,
    missingData: 'notBreaching',
    rollsBack: 'worker',
    description:
      'The consumer failed more than 2 deliveries a minute in 2 of the last 3 minutes: retries hide it from customers until they run out',
  },
  Api5xx: {
    source: 'kura',
    metric: 'Http5xx',
    statistic: 'Sum',
    periodSeconds: 60,
    threshold: 5,
    comparison: 'GreaterThanThreshold',
    evaluationPeriods: 2,
    datapointsToAlarm: 2,
    missingData: 'notBreaching',
    rollsBack: 'api',
    description: 'The API answered more than 5 requests a minute with a 5xx',
  },
  ApiLatencyP99: {
    source: 'kura',
    metric: 'HttpLatency',
    statistic: 'p99',
    periodSeconds: 300,
    threshold: 2_000,
    comparison: 'GreaterThanThreshold',
    evaluationPeriods: 3,
    datapointsToAlarm: 3,
    missingData: 'notBreaching',
    description: 'API p99 latency above 2 s',
  },
  ReadingsRejectedBurst: {
    source: 'kura',
    metric: 'ReadingsRejected',
    statistic: 'Sum',
    periodSeconds: 300,
    threshold: 100,
    comparison: 'GreaterThanThreshold',
    evaluationPeriods: 1,
    datapointsToAlarm: 1,
    missingData: 'notBreaching',
    description: 'More than 100 sensor readings refused in 5 minutes: a device sends bad data or a wrong clock',
  },
  Http5xxRate: {
    source: 'aws',
    ...awsRule(300, 1, 2, 'API 5xx rate above threshold (%)'),
    expression: '100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / MAX([FILL(requests, 0), 1])',
    label: '5xx %',
    using: {
      target5xx: { metric: 'AlbTarget5xx', statistic: 'Sum' },
      elb5xx: { metric: 'AlbElb5xx', statistic: 'Sum' },
      requests: { metric: 'AlbRequests', statistic: 'Sum' },
    },
  },
  P99Latency: awsMetric('AlbTargetResponseTime', 'p99', awsRule(300, 1.5, 3, 'API p99 latency above threshold (s)')),
  DlqNotEmpty: awsMetric(
    'EventDlqVisible',
    'Maximum',
    awsRule(60, 0, 1, 'Messages in the dead-letter queue: inspect and redrive'),
  ),
  OldestMessageAge: awsMetric(
    'EventQueueOldest',
    'Maximum',
    awsRule(60, 300, 2, 'The event queue is not being drained'),
  ),
  WorkerNotConsuming: {
    source: 'aws',
    ...awsRule(300, 0, 2, 'Messages wait in the event queue and the worker received none for 10 minutes'),
    // 1 in a period where messages were waiting all along and nobody received one.
    expression: 'IF(FILL(waiting, 0) > 0 AND FILL(received, 0) == 0, 1, 0)',
    label: 'waiting, none received',
    using: {
      waiting: { metric: 'EventQueueVisible', statistic: 'Minimum' },
      received: { metric: 'EventQueueReceived', statistic: 'Sum' },
    },
  },
  AuroraAcuSaturation: awsMetric('AuroraAcu', 'Average', awsRule(300, 90, 3, 'Aurora near its maximum ACU')),
  AuroraCpu: awsMetric('AuroraCpu', 'Average', awsRule(300, 85, 3, 'Aurora CPU high')),
  UnhealthyTargets: awsMetric('AlbUnhealthyHosts', 'Maximum', {
    ...awsRule(60, 0, 3, 'ALB sees unhealthy API tasks'),
    rollsBack: 'api',
  }),
  ApiCpuSaturation: awsMetric('ApiCpu', 'Average', awsRule(300, 90, 3, 'Api tasks CPU saturated')),
  ApiMemorySaturation: awsMetric('ApiMemory', 'Average', awsRule(300, 90, 3, 'Api tasks memory saturated')),
  WorkerCpuSaturation: awsMetric('WorkerCpu', 'Average', awsRule(300, 90, 3, 'Worker tasks CPU saturated')),
  WorkerMemorySaturation: awsMetric('WorkerMemory', 'Average', awsRule(300, 90, 3, 'Worker tasks memory saturated')),
  CloudFront5xx: awsMetric(
    'CloudFront5xxRate',
    'Average',
    awsRule(300, 5, 2, 'CloudFront answers more than 5 % of requests with a 5xx'),
  ),
  ScheduleDlqNotEmpty: awsMetric(
    'ScheduleDlqVisible',
    'Maximum',
    awsRule(300, 0, 1, 'A scheduled job message could not be delivered to the event queue after its retries'),
  ),
  IngestErrors: awsMetric('IngestErrors', 'Sum', awsRule(300, 0, 1, 'Telemetry: the ingest function failed')),
  IngestThrottles: awsMetric(
    'IngestThrottles',
    'Sum',
    awsRule(300, 0, 1, 'Telemetry: Lambda throttled the ingest function (account or reserved concurrency)'),
  ),
  AlertErrors: awsMetric('AlertErrors', 'Sum', awsRule(300, 0, 1, 'Telemetry: the alert function failed')),
  AlertThrottles: awsMetric(
    'AlertThrottles',
    'Sum',
    awsRule(300, 0, 1, 'Telemetry: Lambda throttled the alert function (account or reserved concurrency)'),
  ),
  IngestApi5xxRate: {
    source: 'aws',
    ...awsRule(300, 5, 2, 'Telemetry: ingest API 5xx rate above threshold'),
    expression: '100 * FILL(errors, 0) / MAX([FILL(requests, 0), 1])',
    label: '5xx %',
    using: {
      errors: { metric: 'IngestApi5xx', statistic: 'Sum' },
      requests: { metric: 'IngestApiRequests', statistic: 'Sum' },
    },
  },
  IngestApiP99Latency: awsMetric(
    'IngestApiLatency',
    'p99',
    awsRule(300, 2_000, 3, 'Telemetry: ingest API p99 latency above threshold'),
  ),
  AlertDlqNotEmpty: awsMetric(
    'AlertDlqVisible',
    'Maximum',
    awsRule(60, 0, 1, 'Telemetry: readings the alert evaluation kept failing on are in its dead-letter queue'),
  ),
  DeliveryDlqNotEmpty: awsMetric(
    'DeliveryDlqVisible',
    'Maximum',
    awsRule(
      60,
      0,
      1,
      'Telemetry: EventBridge could not deliver alert events to the worker queue (no staff task was made)',
    ),
  ),
  ReadingsThrottles: {
    source: 'aws',
    ...awsRule(300, 0, 1, 'Telemetry: DynamoDB throttled reads or writes of the readings table'),
    expression: 'FILL(reads, 0) + FILL(writes, 0)',
    label: 'throttled requests',
    using: {
      reads: { metric: 'ReadingsReadThrottles', statistic: 'Sum' },
      writes: { metric: 'ReadingsWriteThrottles', statistic: 'Sum' },
    },
  },
  ReadingsSystemErrors: {
    source: 'aws',
    ...awsRule(300, 0, 1, 'Telemetry: DynamoDB answered the readings table with 500s (system errors)'),
    // FILL: a sum over per-operation series is empty wherever one of them has no data point.
    expression: readingsOperations.map((op) => `FILL(${op.toLowerCase()}, 0)`).join(' + '),
    label: 'system errors',
    using: Object.fromEntries(
      readingsOperations.map((op) => [
        op.toLowerCase(),
        { metric: 'ReadingsSystemErrors', statistic: 'Sum', dimensions: { Operation: op } },
      ]),
    ) as Record<string, AwsMetricUse>,
  },
} as const satisfies Record<string, AlarmDefinition>;

export type AlarmId = keyof typeof alarmCatalogue;

/** An AWS alarm's rule: above the threshold in every one of `periods` periods, missing data is fine. */
function awsRule(periodSeconds: number, threshold: number, periods: number, description: string): AlarmRule {
  return {
    periodSeconds,
    threshold,
    comparison: 'GreaterThanThreshold',
    evaluationPeriods: periods,
    datapointsToAlarm: periods,
    missingData: 'notBreaching',
    description,
  };
}

function awsMetric(metric: AwsMetricName, statistic: Statistic, rule: AlarmRule): AwsAlarm {
  return { source: 'aws', metric, statistic, ...rule };
}

/** The dashboard: one row per entry, each widget a graph of catalogue metrics (Kura's own) or AWS metrics. */
export type DashboardWidget = {
  title: string;
  metrics: { metric: MetricName; statistic: Statistic }[];
};

export const dashboardCatalogue: readonly DashboardWidget[] = [
  {
    title: 'Orders',
    metrics: [
      { metric: 'OrdersPlaced', statistic: 'Sum' },
      { metric: 'OrdersConfirmed', statistic: 'Sum' },
      { metric: 'OrdersRejected', statistic: 'Sum' },
      { metric: 'OrdersCancelled', statistic: 'Sum' },
    ],
  },
  { title: 'Placed → settled (ms)', metrics: [{ metric: 'OrderSettleLatency', statistic: 'p99' }] },
  {
    title: 'Event flow (ms)',
    metrics: [
      { metric: 'RelayLag', statistic: 'Maximum' },
      { metric: 'QueueAge', statistic: 'Maximum' },
    ],
  },
  {
    title: 'Events',
    metrics: [
      { metric: 'EventsConsumed', statistic: 'Sum' },
      { metric: 'DeadLetters', statistic: 'Sum' },
    ],
  },
  {
    title: 'API',
    metrics: [
      { metric: 'HttpRequests', statistic: 'Sum' },
      { metric: 'Http5xx', statistic: 'Sum' },
    ],
  },
  { title: 'API latency (ms)', metrics: [{ metric: 'HttpLatency', statistic: 'p99' }] },
  {
    title: 'Telemetry',
    metrics: [
      { metric: 'ReadingsAccepted', statistic: 'Sum' },
      { metric: 'ReadingsRejected', statistic: 'Sum' },
      { metric: 'AlertsRaised', statistic: 'Sum' },
    ],
  },
];

/** The dashboard's rows of AWS's own metrics (the CDK app adds them below the rows above). */
export type AwsDashboardWidget = {
  title: string;
  left: readonly AwsMetricUse[];
  right?: readonly AwsMetricUse[];
};

/** `statistic` of each of `metrics`: a widget's axis. */
const each = (statistic: Statistic, ...metrics: AwsMetricName[]): AwsMetricUse[] =>
  metrics.map((metric) => ({ metric, statistic }));

export const awsDashboardCatalogue: readonly AwsDashboardWidget[] = [
  { title: 'Requests', left: each('Sum', 'AlbRequests'), right: each('Sum', 'AlbTarget5xx', 'AlbElb5xx') },
  { title: 'Latency p99 (s)', left: each('p99', 'AlbTargetResponseTime') },
  {
    title: 'ECS CPU / memory (%)',
    left: each('Average', 'ApiCpu', 'WorkerCpu'),
    right: each('Average', 'ApiMemory', 'WorkerMemory'),
  },
  { title: 'Aurora', left: each('Average', 'AuroraAcu', 'AuroraCpu'), right: each('Average', 'AuroraConnections') },
  {
    title: 'Event queue',
    left: each('Maximum', 'EventQueueVisible', 'EventDlqVisible'),
    right: each('Maximum', 'EventQueueOldest'),
  },
  {
    title: 'Ingest API (requests, 4xx, 5xx)',
    left: each('Sum', 'IngestApiRequests'),
    right: each('Sum', 'IngestApi4xx', 'IngestApi5xx'),
  },
  { title: 'Ingest API latency p99 (ms)', left: each('p99', 'IngestApiLatency', 'IngestApiIntegrationLatency') },
  {
    title: 'Telemetry functions: invocations, errors, throttles',
    left: each('Sum', 'IngestInvocations', 'AlertInvocations'),
    right: each('Sum', 'IngestErrors', 'IngestThrottles', 'AlertErrors', 'AlertThrottles'),
  },
  { title: 'Telemetry functions: duration p99 (ms)', left: each('p99', 'IngestDuration', 'AlertDuration') },
  {
    title: 'Telemetry alert queues',
    left: each('Maximum', 'AlertQueueVisible', 'AlertDlqVisible', 'DeliveryDlqVisible'),
    right: each('Maximum', 'AlertQueueOldest'),
  },
  {
    title: 'Readings table (consumed units, throttles)',
    left: each('Sum', 'ReadingsConsumedWrites', 'ReadingsConsumedReads'),
    right: each('Sum', 'ReadingsWriteThrottles', 'ReadingsReadThrottles'),
  },
  { title: 'Alert events to the worker', left: each('Sum', 'AlertRuleMatched', 'AlertRuleFailed') },
];
