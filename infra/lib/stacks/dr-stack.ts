import { RemovalPolicy } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { KuraStack, type KuraStackProps } from './kura-stack.ts';

/** The copy vault's name, fixed so the data stack can name its ARN without a cross-region reference. */
export const drVaultName = (env: string) => `kura-${env}-dr`;

/**
 * Disaster recovery (seed 001: cross-region replication): a backup vault in another region that
 * the data stack's daily Aurora backups are copied into. Termination-protected, like every
 * stack that holds data.
 */
export class DrStack extends KuraStack {
  readonly vault: backup.BackupVault;

  constructor(scope: Construct, id: string, props: KuraStackProps) {
    super(scope, id, { ...props, terminationProtection: true });
    const removalPolicy = props.config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const key = new kms.Key(this, 'VaultKey', {
      description: 'Kura cross-region backup copies',
      enableKeyRotation: true,
      removalPolicy,
    });
    this.vault = new backup.BackupVault(this, 'Vault', {
      backupVaultName: drVaultName(props.config.name),
      encryptionKey: key,
      removalPolicy,
    });
  }

  override get availabilityZones(): string[] {
    return [`${this.config.backup.copyRegion}a`, `${this.config.backup.copyRegion}b`];
  }
}
