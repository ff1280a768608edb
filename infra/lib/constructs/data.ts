import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/** The database role whose privileges the running app has; its login is the app secret's user. */
export const appDatabaseRole = 'kura_app';
/** Characters a libpq password or a connection URL would need escaped. */
const passwordExcludes = ' %+~`#$&*()|[]{}:;<>?!\'/@"\\';

export interface DataProps {
  readonly vpc: ec2.IVpc;
  /** Task security groups allowed to reach PostgreSQL; nothing else is. */
  readonly databaseClients: ec2.ISecurityGroup[];
  readonly minAcu: number;
  readonly maxAcu: number;
  readonly readers: number;
  readonly backupRetentionDays: number;
  readonly deletionProtection: boolean;
  readonly secretRotationDays: number;
  readonly retain: boolean;
  readonly databaseName: string;
  readonly clusterIdentifier: string;
  readonly logRetention: logs.RetentionDays;
  /** Turn on Amazon Inspector enhanced scanning for the account's registry in this region. */
  readonly registryEnhancedScanning: boolean;
  /** Site origins whose pages post presigned image uploads straight to the media bucket (CORS). */
  readonly mediaUploadOrigins: string[];
}

/**
 * Everything whose loss loses data: Aurora and its secret, the media bucket, the
 * log archive bucket and the image registry. Lives in a termination-protected stack.
 */
export class Data extends Construct {
  readonly key: kms.Key;
  readonly cluster: rds.DatabaseCluster;
  /** The master user's: the migrate task connects with it and owns the schema. */
  readonly databaseSecret: rds.DatabaseSecret;
  /** The running app's login (rows only), attached to the cluster for its host and port. */
  readonly appSecret: secretsmanager.ISecret;
  readonly mediaBucket: s3.Bucket;
  /** Access logs of the other buckets, the ALB and CloudFront. */
  readonly logBucket: s3.Bucket;
  readonly repository: ecr.Repository;
  readonly securityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: DataProps) {
    super(scope, id);
    const removalPolicy = props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.key = new kms.Key(this, 'Key', {
      description: 'Kura data at rest (Aurora storage)',
      enableKeyRotation: true,
      removalPolicy,
    });

    this.logBucket = new s3.Bucket(this, 'LogBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED, // ALB access logs only support SSE-S3
      enforceSSL: true,
      // CloudFront standard logs are delivered through a bucket ACL.
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(365), abortIncompleteMultipartUploadAfter: Duration.days(7) }],
      removalPolicy,
      // dev only: a non-empty bucket would make `cdk destroy` fail; elsewhere buckets are retained.
      autoDeleteObjects: !props.retain,
    });

    this.mediaBucket = new s3.Bucket(this, 'MediaBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'media/',
      lifecycleRules: [
        { noncurrentVersionExpiration: Duration.days(30), abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // Browser uploads land under uploads/ and the API moves them within seconds;
        // what is left there was abandoned (or refused and not yet removed).
        { id: 'AbandonedUploads', prefix: 'uploads/', expiration: Duration.days(1) },
      ],
      // The back office posts files here with a presigned POST policy (key, type and size fixed
      // by its signature); CORS only lets the site's pages read the answer.
      cors: [
        {
          allowedMethods: [s3.HttpMethods.POST],
          allowedOrigins: props.mediaUploadOrigins,
          allowedHeaders: ['*'],
          maxAge: 3000,
        },
      ],
      removalPolicy,
      autoDeleteObjects: !props.retain,
    });

    this.repository = new ecr.Repository(this, 'Repository', {
      imageScanOnPush: true,
      imageTagMutability: ecr.TagMutability.IMMUTABLE,
      encryption: ecr.RepositoryEncryption.AES_256,
      lifecycleRules: [{ description: 'Keep the last 10 images', maxImageCount: 10 }],
      removalPolicy,
      emptyOnDelete: !props.retain,
    });

    if (props.registryEnhancedScanning) {
      // Amazon Inspector rescans every image whenever a new CVE is published (seed 000's SCA), not
      // only on push as basic scanning does; findings go to Inspector and EventBridge.
      new ecr.CfnRegistryScanningConfiguration(this, 'RegistryScanning', {
        scanType: 'ENHANCED',
        rules: [{ scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] }],
      });
    }

    this.databaseSecret = new rds.DatabaseSecret(this, 'DatabaseSecret', {
      username: 'kura_admin',
      excludeCharacters: passwordExcludes,
    });

    this.securityGroup = new ec2.SecurityGroup(this, 'DatabaseSg', {
      vpc: props.vpc,
      description: 'Kura Aurora: PostgreSQL from Kura tasks and secret rotation only',
      allowAllOutbound: false,
    });
    for (const client of props.databaseClients) {
      this.securityGroup.addIngressRule(client, ec2.Port.tcp(5432), 'from Kura tasks');
    }
    const rotationSecurityGroup = new ec2.SecurityGroup(this, 'RotationSg', {
      vpc: props.vpc,
      description: 'Kura DB secret rotation function: Secrets Manager over HTTPS and Aurora',
      allowAllOutbound: false,
    });
    rotationSecurityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'Secrets Manager API');

    const serverless = (id: string, scaleWithWriter: boolean) =>
      rds.ClusterInstance.serverlessV2(id, {
        enablePerformanceInsights: true,
        performanceInsightRetention: rds.PerformanceInsightRetention.DEFAULT,
        autoMinorVersionUpgrade: true,
        publiclyAccessible: false,
        scaleWithWriter,
      });

    this.cluster = new rds.DatabaseCluster(this, 'Aurora', {
      // The major version only: RDS creates the cluster on 16's default minor and automatic minor
      // upgrades move it on. A template pinning 16.11 would ask for a downgrade after the first
      // upgrade and every later deploy would fail. Majors move by changing this line on purpose.
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.of('16', '16') }),
      // Plain connections are refused by the server itself, not only by the clients' settings.
      parameters: { 'rds.force_ssl': '1' },
      credentials: rds.Credentials.fromSecret(this.databaseSecret),
      defaultDatabaseName: props.databaseName,
      port: 5432,
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      securityGroups: [this.securityGroup],
      serverlessV2MinCapacity: props.minAcu,
      serverlessV2MaxCapacity: props.maxAcu,
      writer: serverless('Writer', true),
      readers: Array.from({ length: props.readers }, (_, i) => serverless(`Reader${i + 1}`, true)),
      storageEncrypted: true,
      storageEncryptionKey: this.key,
      backup: { retention: Duration.days(props.backupRetentionDays), preferredWindow: '18:00-19:00' },
      preferredMaintenanceWindow: 'sun:19:30-sun:20:30',
      deletionProtection: props.deletionProtection,
      clusterIdentifier: props.clusterIdentifier,
      cloudwatchLogsExports: ['postgresql'],
      monitoringInterval: Duration.seconds(60),
      iamAuthentication: false,
      copyTagsToSnapshot: true,
      removalPolicy: props.retain ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY,
    });

    // Created here (not through cloudwatchLogsRetention) to avoid a log-retention Lambda.
    const postgresLogs = new logs.LogGroup(this, 'PostgresLogs', {
      logGroupName: `/aws/rds/cluster/${props.clusterIdentifier}/postgresql`,
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.cluster.node.addDependency(postgresLogs);

    // The master password is used only by the migrate task, once per deploy: single-user rotation.
    this.cluster.addRotationSingleUser({
      automaticallyAfter: Duration.days(props.secretRotationDays),
      securityGroup: rotationSecurityGroup,
      vpcSubnets: { subnets: props.vpc.privateSubnets },
    });

    // The app's login rotates between two users (kura_app and kura_app_clone, a member of it):
    // a rotation changes the password of the user not in use, so connections opened with the
    // previous credentials keep working until the services restart with the new ones — no
    // window in which new connections fail. The migrate task creates kura_app and grants it
    // rows only (server/src/platform/db/app-role.ts); the first rotation waits a full period,
    // by when a deploy has run it.
    const appSecret = new rds.DatabaseSecret(this, 'AppSecret', {
      username: appDatabaseRole,
      masterSecret: this.databaseSecret,
      excludeCharacters: passwordExcludes,
    });
    this.appSecret = appSecret.attach(this.cluster);
    this.cluster.addRotationMultiUser('AppLoginRotation', {
      secret: this.appSecret,
      automaticallyAfter: Duration.days(props.secretRotationDays),
      rotateImmediatelyOnUpdate: false,
      securityGroup: rotationSecurityGroup,
      vpcSubnets: { subnets: props.vpc.privateSubnets },
    });
  }

  /**
   * Objects only (presigned uploads, reads, deletes); no bucket-level or listing rights.
   * HeadObject needs s3:GetObject (there is no separate head action); presigned POSTs
   * are signed with the task role, so they carry its s3:PutObject.
   */
  grantMediaObjects(grantee: iam.IGrantable): void {
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      resourceArns: [this.mediaBucket.arnForObjects('*')],
    });
  }
}
