import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export const appPort = 8080;
const otlpHttpPort = 4318;
/** The ADOT collector image; bump deliberately (it is pulled from the public ECR gallery). */
const adotCollectorImage = 'public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3';

/** The one image and the settings every Kura process on ECS shares (api, worker, migrate). */
export interface KuraRuntime {
  readonly image: ecs.ContainerImage;
  readonly profile: 'dev' | 'stg' | 'prd';
  /** The app's login: rows only (Data.appSecret). */
  readonly databaseSecret: secretsmanager.ISecret;
  /** The schema owner's (the master user's), for the migrate task only. */
  readonly schemaOwnerSecret: secretsmanager.ISecret;
  /** The role the app's login belongs to, which the migrate task creates and grants. */
  readonly appDatabaseRole: string;
  /** Plain values the server's config schema reads (queue URL, bucket, OIDC issuer and audience). */
  readonly environment: Record<string, string>;
  readonly logRetention: logs.RetentionDays;
}

export interface KuraTaskProps {
  readonly runtime: KuraRuntime;
  /** api | worker | migrate: the bundle `dist/<entry>.mjs` the container runs. */
  readonly entry: 'api' | 'worker' | 'migrate';
  readonly cpu: number;
  readonly memoryMiB: number;
  readonly tracing: boolean;
  readonly healthCheck?: ecs.HealthCheck;
  /**
   * Connect as the schema owner and receive the app's login to create and grant it: the
   * migrate task. Every other process connects with the app's login.
   */
  readonly ownsSchema?: boolean;
}

/**
 * A Fargate task definition running one server entry point, with database
 * credentials injected from the Aurora secret's JSON fields (libpq variables),
 * its own log group, and, when traced, an ADOT collector sidecar that receives
 * OTLP on localhost and exports to X-Ray.
 */
export class KuraTask extends Construct implements iam.IGrantable {
  readonly taskDefinition: ecs.FargateTaskDefinition;
  readonly container: ecs.ContainerDefinition;
  readonly logGroup: logs.LogGroup;
  /** The task role: what the running process may do in AWS. */
  readonly grantPrincipal: iam.IPrincipal;

  constructor(scope: Construct, id: string, props: KuraTaskProps) {
    super(scope, id);
    const { runtime, entry } = props;

    this.taskDefinition = new ecs.FargateTaskDefinition(this, 'TaskDefinition', {
      cpu: props.cpu,
      memoryLimitMiB: props.memoryMiB,
      runtimePlatform: {
        cpuArchitecture: ecs.CpuArchitecture.X86_64,
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
      },
    });
    this.grantPrincipal = this.taskDefinition.taskRole;

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: runtime.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const login = props.ownsSchema ? runtime.schemaOwnerSecret : runtime.databaseSecret;
    const dbField = (field: string) => ecs.Secret.fromSecretsManager(login, field);
    const appField = (field: string) => ecs.Secret.fromSecretsManager(runtime.databaseSecret, field);
    this.container = this.taskDefinition.addContainer('app', {
      containerName: entry,
      image: runtime.image,
      command: ['node', `dist/${entry}.mjs`],
      essential: true,
      readonlyRootFilesystem: true,
      user: 'node',
      stopTimeout: Duration.seconds(30),
      healthCheck: props.healthCheck,
      environment: {
        ...runtime.environment,
        KURA_PROFILE: runtime.profile,
        NODE_ENV: 'production',
        HOST: '0.0.0.0',
        PORT: String(appPort),
        DATABASE_SSL: 'true',
        LOG_LEVEL: 'info',
        TZ: 'Asia/Tokyo',
        OTEL_SERVICE_NAME: `kura-${entry}`,
        ...(props.ownsSchema ? { KURA_DB_APP_ROLE: runtime.appDatabaseRole } : {}),
        ...(props.tracing ? { OTEL_EXPORTER_OTLP_ENDPOINT: `http://localhost:${otlpHttpPort}` } : {}),
      },
      secrets: {
        PGHOST: dbField('host'),
        PGPORT: dbField('port'),
        PGDATABASE: dbField('dbname'),
        PGUSER: dbField('username'),
        PGPASSWORD: dbField('password'),
        ...(props.ownsSchema
          ? { KURA_DB_APP_USER: appField('username'), KURA_DB_APP_PASSWORD: appField('password') }
          : {}),
      },
      logging: ecs.LogDrivers.awsLogs({ logGroup: this.logGroup, streamPrefix: entry }),
    });

    if (props.tracing) this.addCollector();
  }

  private addCollector(): void {
    // Traces only: receive OTLP/HTTP on localhost, export to X-Ray. Metrics go out as EMF in the app's logs.
    const config = [
      'receivers:',
      '  otlp:',
      '    protocols:',
      '      http:',
      `        endpoint: 127.0.0.1:${otlpHttpPort}`,
      'processors:',
      '  batch: {}',
      'exporters:',
      '  awsxray: {}',
      'service:',
      '  pipelines:',
      '    traces:',
      '      receivers: [otlp]',
      '      processors: [batch]',
      '      exporters: [awsxray]',
    ].join('\n');
    const collector = this.taskDefinition.addContainer('otel', {
      containerName: 'otel-collector',
      image: ecs.ContainerImage.fromRegistry(adotCollectorImage),
      essential: false,
      readonlyRootFilesystem: true,
      memoryReservationMiB: 64,
      environment: { AOT_CONFIG_CONTENT: config },
      logging: ecs.LogDrivers.awsLogs({ logGroup: this.logGroup, streamPrefix: 'otel' }),
    });
    // Start the app after the collector so the first spans are not dropped.
    this.container.addContainerDependencies({
      container: collector,
      condition: ecs.ContainerDependencyCondition.START,
    });
    this.taskDefinition.taskRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        // X-Ray write actions do not support resource-level permissions.
        actions: [
          'xray:PutTraceSegments',
          'xray:PutTelemetryRecords',
          'xray:GetSamplingRules',
          'xray:GetSamplingTargets',
        ],
        resources: ['*'],
      }),
    );
  }
}
