import { CfnOutput } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Audit } from '../constructs/audit.ts';
import { Auth } from '../constructs/auth.ts';
import { Data } from '../constructs/data.ts';
import type { Network } from '../constructs/network.ts';
import { KuraStack, type KuraStackProps } from './kura-stack.ts';

export interface DataStackProps extends KuraStackProps {
  readonly network: Network;
}

/**
 * The stateful stack: Aurora, buckets, the image registry, Cognito users and the
 * audit trail. Termination-protected; resources retained outside dev.
 */
export class DataStack extends KuraStack {
  readonly data: Data;
  readonly auth: Auth;
  readonly audit: Audit;

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
    });
    this.auth = new Auth(this, 'Auth', {
      domainPrefix: c.auth.domainPrefix,
      deletionProtection: c.auth.deletionProtection,
      retain: c.retainData,
    });
    // Read by the pipeline before the app stack (and its SSM parameters) exists.
    new CfnOutput(this, 'RepositoryUri', { value: this.data.repository.repositoryUri });
    this.audit = new Audit(this, 'Audit', {
      accessLogBucket: this.data.logBucket,
      retain: c.retainData,
      cloudWatchRetention: c.logRetentionDays,
    });
  }
}
