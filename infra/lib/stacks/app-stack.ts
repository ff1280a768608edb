import { CfnOutput, Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { ApiService } from '../constructs/api-service.ts';
import { Edge } from '../constructs/edge.ts';
import type { KuraRuntime } from '../constructs/kura-task.ts';
import { Messaging } from '../constructs/messaging.ts';
import { Migration } from '../constructs/migration.ts';
import type { Network } from '../constructs/network.ts';
import { Observability } from '../constructs/observability.ts';
import { StockWorker } from '../constructs/stock-worker.ts';
import type { DataStack } from './data-stack.ts';
import { KuraStack, type KuraStackProps } from './kura-stack.ts';

/** The ADOT collector image; bump deliberately (it is pulled from the public ECR gallery). */
export const adotCollectorImage = 'public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3';

export interface AppStackProps extends KuraStackProps {
  readonly network: Network;
  readonly dataStack: DataStack;
  readonly webAclArn: string;
  /** The image tag in the Kura ECR repository to run (the git commit the pipeline built). */
  readonly imageTag: string;
}

/**
 * Everything that ships with a release and can be replaced without losing data:
 * queue, ECS services, the migration step, CloudFront, the app client, SSM
 * parameters, alarms and dashboard.
 */
/** The Cognito calls of the API's directory adapter (server/src/modules/identity/directory/cognito-directory.ts). */
export const cognitoDirectoryActions = [
  'AdminCreateUser',
  'AdminGetUser',
  'AdminAddUserToGroup',
  'AdminRemoveUserFromGroup',
  'AdminListGroupsForUser',
  'AdminEnableUser',
  'AdminDisableUser',
  'AdminUserGlobalSignOut',
  'AdminDeleteUser',
] as const;

export class AppStack extends KuraStack {
  readonly api: ApiService;
  readonly worker: StockWorker;
  readonly migration: Migration;
  readonly edge: Edge;
  readonly messaging: Messaging;
  readonly observability: Observability;
  readonly userPoolClient: cognito.UserPoolClient;
  readonly accessLogBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    const c = props.config;
    const { data, auth } = props.dataStack;
    const { network } = props;

    // Access logs of this stack's ALB, CloudFront and web bucket. A bucket in the data stack
    // would need policy statements naming resources of this stack: a dependency cycle.
    this.accessLogBucket = new s3.Bucket(this, 'AccessLogBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED, // ALB access logs support SSE-S3 only
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER, // CloudFront standard logs use ACLs
      lifecycleRules: [{ expiration: Duration.days(365), abortIncompleteMultipartUploadAfter: Duration.days(7) }],
      removalPolicy: c.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    this.messaging = new Messaging(this, 'Messaging', { maxReceiveCount: c.queue.maxReceiveCount });

    const cluster = new ecs.Cluster(this, 'Cluster', {
      vpc: network.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENHANCED,
    });

    const runtime: KuraRuntime = {
      image: ecs.ContainerImage.fromEcrRepository(data.repository, props.imageTag),
      profile: c.name,
      databaseSecret: data.databaseSecret,
      logRetention: c.logRetentionDays,
      adotImage: adotCollectorImage,
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

    // CloudFront sends this value; the ALB forwards only requests that carry it.
    const originSecret = new secretsmanager.Secret(this, 'OriginVerifySecret', {
      description: 'Header value CloudFront sends to the Kura ALB',
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
    });
    const originVerifyValue = originSecret.secretValue.unsafeUnwrap();

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
      originVerifyValue,
      accessLogBucket: this.accessLogBucket,
      originCertificateArn: c.edge.domain?.originCertificateArn,
      deletionProtection: c.name === 'prd',
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
    });

    this.migration = new Migration(this, 'Migration', {
      vpc: network.vpc,
      cluster,
      runtime,
      securityGroup: network.workerSecurityGroup,
    });
    this.migration.runBefore(this.api.service, this.worker.service);

    // Both run the outbox relay; only the worker consumes; the API's staff routes list and redrive the DLQ.
    this.messaging.grantPublish(this.api.task.taskDefinition.taskRole);
    this.messaging.grantRedrive(this.api.task.taskDefinition.taskRole);
    this.messaging.grantPublish(this.worker.task.taskDefinition.taskRole);
    this.messaging.grantConsume(this.worker.task.taskDefinition.taskRole);
    data.grantMediaObjects(this.api.task.taskDefinition.taskRole);

    const cognitoOrigin = `https://${auth.domain.domainName}.auth.${this.region}.amazoncognito.com`;
    this.edge = new Edge(this, 'Edge', {
      loadBalancer: this.api.loadBalancer,
      originVerifyValue,
      webAclArn: props.webAclArn,
      priceClass: c.edge.priceClass as cloudfront.PriceClass,
      logBucket: this.accessLogBucket,
      retain: c.retainData,
      domain: c.edge.domain,
      // The back office posts image uploads straight to the media bucket (presigned POST).
      connectSources: [cognitoOrigin, `https://${data.mediaBucket.bucketRegionalDomainName}`],
    });
    const siteUrl = c.edge.domain ? `https://${c.edge.domain.name}` : this.edge.url;

    // Public SPA client: authorization code + PKCE, no secret.
    this.userPoolClient = new cognito.UserPoolClient(this, 'WebClient', {
      userPool: auth.userPool,
      generateSecret: false,
      authFlows: { user: false, userPassword: false, userSrp: false, adminUserPassword: false, custom: false },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`${siteUrl}/auth/callback`],
        logoutUrls: [`${siteUrl}/`],
      },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.minutes(60),
      idTokenValidity: Duration.minutes(60),
      refreshTokenValidity: Duration.days(30),
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
    });
    new cognito.CfnManagedLoginBranding(this, 'ManagedLoginBranding', {
      userPoolId: auth.userPool.userPoolId,
      clientId: this.userPoolClient.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    for (const task of [this.api.task, this.worker.task, this.migration.task]) {
      task.container.addEnvironment('KURA_OIDC_AUDIENCE', this.userPoolClient.userPoolClientId);
    }
    // The API is the admin's hand on the user directory (invite, role, disable): exactly the
    // calls its Cognito adapter makes, on this pool only.
    auth.userPool.grant(
      this.api.task.taskDefinition.taskRole,
      ...cognitoDirectoryActions.map((action) => `cognito-idp:${action}`),
    );

    this.restartOnSecretRotation(data.databaseSecret.secretArn, cluster, [this.api.service, this.worker.service]);

    this.observability = new Observability(this, 'Observability', {
      dashboardName: `kura-${c.name}`,
      loadBalancer: this.api.loadBalancer,
      targetGroup: this.api.targetGroup,
      apiService: this.api.service,
      workerService: this.worker.service,
      queue: this.messaging.queue,
      deadLetterQueue: this.messaging.deadLetterQueue,
      cluster: data.cluster,
      http5xxPercent: c.alarms.http5xxPercent,
      p99LatencySeconds: c.alarms.p99LatencySeconds,
      oldestMessageSeconds: c.queue.oldestMessageAlarmSeconds,
      alarmEmail: c.alarms.email,
    });

    // Non-secret settings for the pipeline, operators and other tools, under /kura/<env>/.
    const parameters: Record<string, string> = {
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
      'oidc-client-id': this.userPoolClient.userPoolClientId,
      'user-pool-id': auth.userPool.userPoolId,
      'auth-domain': cognitoOrigin,
    };
    for (const [name, value] of Object.entries(parameters)) {
      new ssm.StringParameter(this, `Param-${name}`, { parameterName: `/kura/${c.name}/${name}`, stringValue: value });
    }

    new CfnOutput(this, 'SiteUrl', { value: siteUrl });
    new CfnOutput(this, 'WebBucketName', { value: this.edge.webBucket.bucketName });
    new CfnOutput(this, 'DistributionId', { value: this.edge.distribution.distributionId });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.observability.topic.topicArn });
  }

  /**
   * ECS injects the database password when a task starts. After single-user
   * rotation the old password stops working for new connections, so roll the
   * services to pick up the new one.
   */
  private restartOnSecretRotation(secretArn: string, cluster: ecs.ICluster, services: ecs.FargateService[]): void {
    const rule = new events.Rule(this, 'DbSecretRotated', {
      description: 'Restart Kura services after the database secret rotates',
      eventPattern: {
        source: ['aws.secretsmanager'],
        detailType: ['AWS Service Event via CloudTrail'],
        detail: { eventName: ['RotationSucceeded'], additionalEventData: { SecretId: [secretArn] } },
      },
    });
    for (const service of services) {
      rule.addTarget(
        new targets.AwsApi({
          service: 'ECS',
          action: 'updateService',
          parameters: { cluster: cluster.clusterName, service: service.serviceName, forceNewDeployment: true },
          policyStatement: new iam.PolicyStatement({ actions: ['ecs:UpdateService'], resources: [service.serviceArn] }),
        }),
      );
    }
  }
}
