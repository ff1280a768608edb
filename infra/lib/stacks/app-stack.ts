import { CfnOutput } from 'aws-cdk-lib';
import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { Construct } from 'constructs';
import { lambdaInsightsRetention } from '../config/environments.ts';
import { AccessLogs } from '../constructs/access-logs.ts';
import { ApiLambdas } from '../constructs/api-lambdas.ts';
import { ApiService } from '../constructs/api-service.ts';
import { appDatabaseRole } from '../constructs/data.ts';
import { Edge } from '../constructs/edge.ts';
import { JobSchedules } from '../constructs/job-schedules.ts';
import { LambdaInsightsLogs } from '../constructs/kura-function.ts';
import type { KuraRuntime } from '../constructs/kura-task.ts';
import { Messaging } from '../constructs/messaging.ts';
import { Migration } from '../constructs/migration.ts';
import type { Network } from '../constructs/network.ts';
import { alarmThresholds, Observability } from '../constructs/observability.ts';
import { PublishedSettings } from '../constructs/published-settings.ts';
import { SecretRotationRestart } from '../constructs/secret-rotation-restart.ts';
import { ServiceCluster } from '../constructs/service-cluster.ts';
import { SiteDomain } from '../constructs/site-domain.ts';
import { StockWorker } from '../constructs/stock-worker.ts';
import { Telemetry } from '../constructs/telemetry.ts';
import { WebClient } from '../constructs/web-client.ts';
import type { DataStack } from './data-stack.ts';
import { KuraStack, type KuraStackProps } from './kura-stack.ts';

export interface AppStackProps extends KuraStackProps {
  readonly network: Network;
  readonly dataStack: DataStack;
  readonly webAclArn: string;
  /** The site name's certificate, from us-east-1 (CloudFront reads it there). */
  readonly viewerCertificate: acm.ICertificate;
  /** The image tag in the Kura ECR repository to run (the git commit the pipeline built). */
  readonly imageTag: string;
  /** The built bundles (server/dist), for the Lambda functions when the config selects them. */
  readonly serverDist: string;
}

/**
 * Everything that ships with a release and can be replaced without losing data:
 * queue, ECS services, the migration step, CloudFront, the app client, SSM
 * parameters, alarms and dashboard.
 *
 * Construct ids here are part of the deployed resources' logical IDs
 * (test/logical-ids.test.ts): renaming one replaces what it holds.
 */
export class AppStack extends KuraStack {
  readonly accessLogs: AccessLogs;
  readonly messaging: Messaging;
  readonly services: ServiceCluster;
  readonly origin: SiteDomain;
  readonly api: ApiService;
  /** The product and order APIs on Lambda, when `compute.productAndOrderApis` is lambda (ADR 0017). */
  readonly apiLambdas?: ApiLambdas;
  readonly worker: StockWorker;
  readonly migration: Migration;
  readonly edge: Edge;
  readonly webClient: WebClient;
  readonly observability: Observability;
  /** EventBridge Scheduler says when each scheduled job is due (ADR 0016). */
  readonly jobSchedules: JobSchedules;
  /** Issue 14: ingest API, alert evaluation, event bus (the readings table is the data stack's). */
  readonly telemetry: Telemetry;
  readonly settings: PublishedSettings;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    const c = props.config;
    const { data, auth } = props.dataStack;
    const { network } = props;

    this.accessLogs = new AccessLogs(this, 'AccessLogBucket', { retain: c.retainData });
    this.messaging = new Messaging(this, 'Messaging', { maxReceiveCount: c.queue.maxReceiveCount });
    this.services = new ServiceCluster(this, 'Cluster', { vpc: network.vpc });
    const { cluster } = this.services;

    const runtime: KuraRuntime = {
      image: ecs.ContainerImage.fromEcrRepository(data.repository, props.imageTag),
      profile: c.name,
      databaseSecret: data.appSecret,
      schemaOwnerSecret: data.databaseSecret,
      appDatabaseRole,
      logRetention: c.logRetentionDays,
      environment: {
        KURA_EVENT_QUEUE_URL: this.messaging.queue.queueUrl,
        KURA_EVENT_DLQ_URL: this.messaging.deadLetterQueue.queueUrl,
        KURA_EVENT_MAX_RECEIVE_COUNT: String(c.queue.maxReceiveCount),
        KURA_MEDIA_BUCKET: data.mediaBucket.bucketName,
        // the S3 client and the presigned-upload endpoint need the region by name
        AWS_REGION: this.region,
        KURA_OIDC_ISSUER: auth.issuerUrl,
      },
    };

    const { domain } = c.edge;
    const originName = `origin.${domain.name}`;
    this.origin = new SiteDomain(this, 'Origin', { ...domain, certificateName: originName });

    this.api = new ApiService(this, 'Api', {
      vpc: network.vpc,
      cluster,
      runtime,
      albSecurityGroup: network.albSecurityGroup,
      serviceSecurityGroup: network.apiSecurityGroup,
      cpu: c.api.size.cpu,
      memoryMiB: c.api.size.memoryMiB,
      desiredCount: c.api.desiredCount,
      minCapacity: c.api.minCapacity,
      maxCapacity: c.api.maxCapacity,
      cpuTargetPercent: c.api.cpuTargetPercent,
      memoryTargetPercent: c.api.memoryTargetPercent,
      accessLogBucket: this.accessLogs.bucket,
      originCertificate: this.origin.certificate,
      deletionProtection: c.name === 'prd',
      spot: c.fargateSpot,
    });

    this.worker = new StockWorker(this, 'StockWorker', {
      cluster,
      runtime,
      securityGroup: network.workerSecurityGroup,
      queue: this.messaging.queue,
      cpu: c.worker.size.cpu,
      memoryMiB: c.worker.size.memoryMiB,
      minCapacity: c.worker.minCapacity,
      maxCapacity: c.worker.maxCapacity,
      messagesPerTask: c.worker.messagesPerTask,
      spot: c.fargateSpot,
    });

    new LambdaInsightsLogs(this, 'LambdaInsightsLogs', { retention: lambdaInsightsRetention() });
    this.migration = new Migration(this, 'Migration', {
      vpc: network.vpc,
      cluster,
      runtime,
      securityGroup: network.workerSecurityGroup,
    });
    this.migration.runBefore(this.api.service, this.worker.service);
    if (c.fargateSpot) {
      for (const service of [this.api.service, this.worker.service]) {
        service.node.addDependency(this.services.capacityProviders);
      }
    }

    // Both run the outbox relay; only the worker consumes; the API's staff routes list and redrive the DLQ.
    this.messaging.grantPublish(this.api);
    this.messaging.grantRedrive(this.api);
    this.messaging.grantPublish(this.worker);
    this.messaging.grantConsume(this.worker);
    data.grantMediaObjects(this.api);

    if (c.compute.productAndOrderApis === 'lambda') {
      this.apiLambdas = new ApiLambdas(this, 'ApiLambdas', {
        vpc: network.vpc,
        securityGroup: network.apiSecurityGroup,
        runtime,
        serverDist: props.serverDist,
        databaseSecret: data.appSecret,
      });
    }

    const cognitoOrigin = `https://${auth.domain.domainName}.auth.${this.region}.amazoncognito.com`;
    this.edge = new Edge(this, 'Edge', {
      loadBalancer: this.api.loadBalancer,
      webAclArn: props.webAclArn,
      priceClass: c.edge.priceClass as cloudfront.PriceClass,
      logBucket: this.accessLogs.bucket,
      retain: c.retainData,
      domain: { name: domain.name, zone: this.origin.zone, viewerCertificate: props.viewerCertificate, originName },
      // The back office posts image uploads straight to the media bucket (presigned POST).
      connectSources: [cognitoOrigin, `https://${data.mediaBucket.bucketRegionalDomainName}`],
      ...(this.apiLambdas ? { apiRoutes: this.apiLambdas.cloudFrontBehaviors() } : {}),
    });
    const siteUrl = this.edge.url;

    this.webClient = new WebClient(this, 'WebClient', { userPool: auth.userPool, siteUrl });
    for (const task of [this.api.task, this.worker.task, this.migration.task]) {
      task.container.addEnvironment('KURA_OIDC_AUDIENCE', this.webClient.clientId);
    }
    this.apiLambdas?.addOrderRoutes({ issuer: auth.issuerUrl, audience: this.webClient.clientId });
    // The API is the admin's hand on the user directory (invite, role, disable).
    auth.grantUserDirectory(this.api);

    new SecretRotationRestart(this, 'DbSecretRotated', {
      secret: data.appSecret,
      cluster,
      services: [this.api.service, this.worker.service],
    });

    this.observability = new Observability(this, 'Observability', {
      dashboardName: `kura-${c.name}`,
      loadBalancer: this.api.loadBalancer,
      targetGroup: this.api.targetGroup,
      apiService: this.api.service,
      workerService: this.worker.service,
      queue: this.messaging.queue,
      deadLetterQueue: this.messaging.deadLetterQueue,
      cluster: data.cluster,
      thresholds: alarmThresholds(c),
      alarmEmail: c.alarms.email,
    });
    this.jobSchedules = new JobSchedules(this, 'JobSchedules', {
      namePrefix: `kura-${c.name}`,
      queue: this.messaging.queue,
    });
    this.observability.addAlarms(this.jobSchedules, this.jobSchedules.metricResources);

    this.telemetry = new Telemetry(this, 'Telemetry', {
      store: props.dataStack.telemetry,
      vpc: network.vpc,
      securityGroup: network.apiSecurityGroup,
      runtime,
      ingestThrottle: { ratePerSecond: c.telemetry.ingestRatePerSecond, burst: c.telemetry.ingestBurst },
      workerQueue: this.messaging.queue,
      maxReceiveCount: c.queue.maxReceiveCount,
      busName: `kura-${c.name}-telemetry`,
    });
    this.observability.addAlarms(this.telemetry, this.telemetry.metricResources);
    this.observability.addWidgets(this.telemetry.metricResources);
    // Both relay the outbox, where the alert function's AlertRaised/AlertCleared wait.
    for (const relay of [this.api, this.worker]) this.telemetry.addAlertPublisher(relay);

    // 'Default' keeps the parameters' logical IDs from when the stack made them itself: a
    // parameter with a new ID is created before the old one is deleted, and its name is taken.
    this.settings = new PublishedSettings(this, 'Default', {
      prefix: `/kura/${c.name}/`,
      values: {
        'site-url': siteUrl,
        'web-bucket': this.edge.webBucket.bucketName,
        'distribution-id': this.edge.distribution.distributionId,
        'ecs-cluster': cluster.clusterName,
        'api-service': this.api.service.serviceName,
        'worker-service': this.worker.service.serviceName,
        'migrate-task-definition': this.migration.task.taskDefinition.taskDefinitionArn,
        'ecr-repository-uri': data.repository.repositoryUri,
        'event-queue-url': this.messaging.queue.queueUrl,
        'event-dlq-url': this.messaging.deadLetterQueue.queueUrl,
        'media-bucket': data.mediaBucket.bucketName,
        'oidc-issuer': auth.issuerUrl,
        'oidc-client-id': this.webClient.clientId,
        'user-pool-id': auth.userPool.userPoolId,
        'auth-domain': cognitoOrigin,
        'ingest-url': this.telemetry.ingestUrl,
      },
    });

    new CfnOutput(this, 'SiteUrl', { value: siteUrl });
    new CfnOutput(this, 'WebBucketName', { value: this.edge.webBucket.bucketName });
    new CfnOutput(this, 'DistributionId', { value: this.edge.distribution.distributionId });
    new CfnOutput(this, 'IngestUrl', { value: this.telemetry.ingestUrl });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.observability.topic.topicArn });
  }
}
