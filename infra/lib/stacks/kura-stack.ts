import { Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/schema.ts';

export interface KuraStackProps extends StackProps {
  readonly config: EnvironmentConfig;
}

/** Base for Kura stacks: tags, and fixed AZs so synth never calls AWS. */
export class KuraStack extends Stack {
  readonly config: EnvironmentConfig;

  constructor(scope: Construct, id: string, props: KuraStackProps) {
    super(scope, id, props);
    this.config = props.config;
    Tags.of(this).add('app', 'kura');
    Tags.of(this).add('env', props.config.name);
  }

  override get availabilityZones(): string[] {
    return [...this.config.availabilityZones];
  }
}
