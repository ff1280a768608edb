import { Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/schema.ts';
import { withExplicitLogGroups } from '../constructs/explicit-log-groups.ts';

export interface KuraStackProps extends StackProps {
  readonly config: EnvironmentConfig;
}

/** Base for Kura stacks: tags, a retention on every log group, and fixed AZs so synth never calls AWS. */
export class KuraStack extends Stack {
  readonly config: EnvironmentConfig;

  constructor(scope: Construct, id: string, props: KuraStackProps) {
    super(scope, id, props);
    this.config = props.config;
    Tags.of(this).add('app', 'kura');
    Tags.of(this).add('env', props.config.name);
  }

  /** Every function's logs in a group with the environment's retention (none left to Lambda's default). */
  protected override _toCloudFormation() {
    return withExplicitLogGroups(super._toCloudFormation(), this.config.logRetentionDays);
  }

  override get availabilityZones(): string[] {
    return [...this.config.availabilityZones];
  }
}
