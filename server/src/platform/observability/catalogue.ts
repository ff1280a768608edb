/**
 * The one catalogue of Kura's metrics, alarms and dashboard widgets. The
 * server records the metrics (metrics.ts: EMF on AWS, the in-process store
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
  HttpRequests: { unit: 'Count', dimension: 'Route', description: 'API requests answered' },
  HttpLatency: { unit: 'Milliseconds', dimension: 'Route', description: 'Time to answer an API request' },
  Http5xx: { unit: 'Count', dimension: 'Route', description: 'API requests answered with a 5xx' },
  ReadingsAccepted: { unit: 'Count', description: 'Sensor readings stored by ingest' },
  ReadingsRejected: {
    unit: 'Count',
    description: 'Sensor readings refused by ingest (invalid, too old, in the future)',
  },
  AlertsRaised: { unit: 'Count', description: 'Telemetry alerts raised by the rules' },
} as const satisfies Record<string, MetricDefinition>;

export type MetricName = keyof typeof metricCatalogue;

export type Statistic = 'Sum' | 'Average' | 'Maximum' | 'Minimum' | 'SampleCount' | 'p99';
export type Comparison = 'GreaterThanThreshold' | 'GreaterThanOrEqualToThreshold' | 'LessThanThreshold';
/** CloudWatch's treatments of a period with no data point. */
export type MissingData = 'breaching' | 'notBreaching' | 'ignore' | 'missing';

/** An alarm on one of Kura's own metrics: evaluated by CloudWatch on AWS and by the process locally. */
export type KuraAlarm = {
  source: 'kura';
  metric: MetricName;
  statistic: Statistic;
  periodSeconds: number;
  threshold: number;
  comparison: Comparison;
  evaluationPeriods: number;
  /** Breaching periods among the last `evaluationPeriods` that set ALARM (CloudWatch's M of N). */
  datapointsToAlarm: number;
  missingData: MissingData;
  description: string;
};

/**
 * An alarm on an AWS service's metric (the load balancer, SQS, Aurora, ECS, CloudFront): CloudWatch
 * evaluates it; the CDK construct maps `awsMetric` to the resource's metric. No local process has it.
 */
export type AwsAlarm = Omit<KuraAlarm, 'source' | 'metric'> & {
  source: 'aws';
  awsMetric:
    | 'AlbHttp5xxPercent'
    | 'AlbTargetP99Seconds'
    | 'DeadLetterQueueDepth'
    | 'OldestMessageSeconds'
    | 'WorkerNotConsuming'
    | 'AuroraAcuUtilization'
    | 'AuroraCpu'
    | 'UnhealthyTargets'
    | 'ApiCpu'
    | 'ApiMemory'
    | 'WorkerCpu'
    | 'WorkerMemory'
    | 'ApiRunningTasks'
    | 'WorkerRunningTasks'
    | 'CloudFront5xxPercent';
};

export type AlarmDefinition = KuraAlarm | AwsAlarm;

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
  Http5xxRate: aws('AlbHttp5xxPercent', 'Average', 300, 1, 2, 'API 5xx rate above threshold (%)'),
  P99Latency: aws('AlbTargetP99Seconds', 'p99', 300, 1.5, 3, 'API p99 latency above threshold (s)'),
  DlqNotEmpty: aws(
    'DeadLetterQueueDepth',
    'Maximum',
    60,
    0,
    1,
    'Messages in the dead-letter queue: inspect and redrive',
  ),
  OldestMessageAge: aws('OldestMessageSeconds', 'Maximum', 60, 300, 2, 'The event queue is not being drained'),
  WorkerNotConsuming: aws(
    'WorkerNotConsuming',
    'Maximum',
    300,
    0,
    2,
    'Messages wait in the event queue and the worker deleted none for 10 minutes',
  ),
  AuroraAcuSaturation: aws('AuroraAcuUtilization', 'Average', 300, 90, 3, 'Aurora near its maximum ACU'),
  AuroraCpu: aws('AuroraCpu', 'Average', 300, 85, 3, 'Aurora CPU high'),
  UnhealthyTargets: aws('UnhealthyTargets', 'Maximum', 60, 0, 3, 'ALB sees unhealthy API tasks'),
  ApiCpuSaturation: aws('ApiCpu', 'Average', 300, 90, 3, 'Api tasks CPU saturated'),
  ApiMemorySaturation: aws('ApiMemory', 'Average', 300, 90, 3, 'Api tasks memory saturated'),
  WorkerCpuSaturation: aws('WorkerCpu', 'Average', 300, 90, 3, 'Worker tasks CPU saturated'),
  WorkerMemorySaturation: aws('WorkerMemory', 'Average', 300, 90, 3, 'Worker tasks memory saturated'),
  CloudFront5xx: aws(
    'CloudFront5xxPercent',
    'Average',
    300,
    5,
    2,
    'CloudFront answers more than 5 % of requests with a 5xx',
  ),
} as const satisfies Record<string, AlarmDefinition>;

export type AlarmId = keyof typeof alarmCatalogue;

function aws(
  awsMetric: AwsAlarm['awsMetric'],
  statistic: Statistic,
  periodSeconds: number,
  threshold: number,
  evaluationPeriods: number,
  description: string,
): AwsAlarm {
  return {
    source: 'aws',
    awsMetric,
    statistic,
    periodSeconds,
    threshold,
    comparison: 'GreaterThanThreshold',
    evaluationPeriods,
    datapointsToAlarm: evaluationPeriods,
    missingData: 'notBreaching',
    description,
  };
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
