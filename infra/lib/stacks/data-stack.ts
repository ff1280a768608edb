import { ArnFormat, CfnOutput, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as cr from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';
import { Audit } from '../constructs/audit.ts';
import { Auth } from '../constructs/auth.ts';
import { Data } from '../constructs/data.ts';
import type { Network } from '../constructs/network.ts';
import { TelemetryStore } from '../constructs/telemetry-store.ts';
import { KuraStack, type KuraStackProps } from './kura-stack.ts';

export interface DataStackProps extends KuraStackProps {
  readonly network: Network;
  /** The vault in the DR region (the Dr stack) that daily backups are copied into. */
  readonly copyVault: { readonly region: string; readonly name: string };
}

/**
 * The stateful stack: Aurora, buckets, the image registry, Cognito users, the
 * telemetry readings table and the audit trail. Termination-protected; resources retained outside dev.
 */
export class DataStack extends KuraStack {
  readonly data: Data;
  readonly auth: Auth;
  readonly audit: Audit;
  /** Issue 14: the sensors' readings (DynamoDB). */
  readonly telemetry: TelemetryStore;
  readonly backupPlan: backup.BackupPlan;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, { ...props, terminationProtection: true });
    const c = props.config;
    this.data = new Data(this, 'Data', {
      vpc: props.network.vpc,
      databaseClients: [props.network.apiSecurityGroup, props.network.workerSecurityGroup],
      minAcu: c.database.minAcu,
      maxAcu: c.database.maxAcu,
      readers: c.database.readers,
      backupRetentionDays: c.database.backupRetentionDays,
      deletionProtection: c.database.deletionProtection,
      secretRotationDays: c.database.secretRotationDays,
      retain: c.retainData,
      databaseName: 'kura',
      clusterIdentifier: `kura-${c.name}`,
      logRetention: c.logRetentionDays,
      mediaUploadOrigins: [`https://${c.edge.domain.name}`],
      registryEnhancedScanning: c.registryEnhancedScanning,
    });
    this.auth = new Auth(this, 'Auth', {
      domainPrefix: c.auth.domainPrefix,
      deletionProtection: c.auth.deletionProtection,
      retain: c.retainData,
      ...(c.auth.sesEmail && c.auth.mailFrom ? { sesMail: { ...c.edge.domain, fromEmail: c.auth.mailFrom } } : {}),
    });
    this.telemetry = new TelemetryStore(this, 'Telemetry', {
      retain: c.retainData,
      deletionProtection: c.database.deletionProtection,
    });
    // Read by the pipeline before the app stack (and its SSM parameters) exists.
    new CfnOutput(this, 'RepositoryUri', { value: this.data.repository.repositoryUri });
    this.backupPlan = this.addBackups(props);
    this.audit = new Audit(this, 'Audit', {
      accessLogBucket: this.data.logBucket,
      retain: c.retainData,
      cloudWatchRetention: c.logRetentionDays,
    });
  }

  /**
   * Aurora's own snapshots cover point-in-time recovery in the region; AWS Backup adds a daily
   * recovery point copied to the DR region, kept as long, so a lost region or account-level
   * mistake in ap-northeast-1 still leaves a restorable cluster.
   */
  private addBackups(props: DataStackProps): backup.BackupPlan {
    const c = props.config;
    const removalPolicy = c.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const vault = new backup.BackupVault(this, 'BackupVault', {
      backupVaultName: `kura-${c.name}`,
      encryptionKey: this.data.key,
      removalPolicy,
    });
    const copyVault = backup.BackupVault.fromBackupVaultArn(
      this,
      'CopyVault',
      this.formatArn({
        service: 'backup',
        region: props.copyVault.region,
        resource: 'backup-vault',
        resourceName: props.copyVault.name,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }),
    );
    const keep = Duration.days(c.database.backupRetentionDays);
    const plan = new backup.BackupPlan(this, 'BackupPlan', {
      backupPlanName: `kura-${c.name}`,
      backupVault: vault,
      backupPlanRules: [
        new backup.BackupPlanRule({
          ruleName: 'DailyWithCopy',
          // 03:30 JST, after Aurora's own backup window (18:00–19:00 UTC).
          scheduleExpression: events.Schedule.cron({ hour: '18', minute: '30' }),
          deleteAfter: keep,
          copyActions: [{ destinationBackupVault: copyVault, deleteAfter: keep }],
        }),
      ],
    });
    plan.addSelection('Aurora', {
      resources: [backup.BackupResource.fromRdsDatabaseCluster(this.data.cluster)],
      allowRestores: true,
    });
    // The sensors' readings, daily and copied like the database. AWS Backup copies DynamoDB to another
    // region only with its advanced DynamoDB backup features, a setting of the account in this region
    // (no CloudFormation resource): turned on here, left on when the stack goes.
    const advanced = new cr.AwsCustomResource(this, 'DynamoDbAdvancedBackup', {
      onUpdate: {
        service: 'Backup',
        action: 'updateRegionSettings',
        parameters: { ResourceTypeManagementPreference: { DynamoDB: true } },
        physicalResourceId: cr.PhysicalResourceId.of('dynamodb-advanced-backup'),
      },
      policy: cr.AwsCustomResourcePolicy.fromStatements([
        new iam.PolicyStatement({ actions: ['backup:UpdateRegionSettings'], resources: ['*'] }),
      ]),
      installLatestAwsSdk: false,
    });
    const readings = plan.addSelection('TelemetryReadings', {
      resources: [backup.BackupResource.fromDynamoDbTable(this.telemetry.table)],
      allowRestores: true,
    });
    readings.node.addDependency(advanced);
    for (const policy of ['AWSBackupServiceRolePolicyForBackup', 'AWSBackupServiceRolePolicyForRestores'])
      Validations.of(readings).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/${policy}]`,
        reason:
          'The role AWS Backup assumes for the readings table: AWS maintains these service-role policies with exactly the backup, copy and restore calls DynamoDB needs; a hand-written copy would drift from them.',
      });
    Validations.of(advanced).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason: 'backup:UpdateRegionSettings is an account setting of the region: AWS offers no resource to scope it to.',
    });
    const provider = this.node.children.find((c) => /^AWS[0-9a-f]{32}$/.test(c.node.id));
    if (provider)
      Validations.of(provider).acknowledge({
        id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "CDK's AwsCustomResource function (deploy-time only, turns on advanced DynamoDB backups): the managed policy grants writing its own logs, whose group has a retention.",
      });
    return plan;
  }
}
