import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';

export interface PublishedSettingsProps {
  /** e.g. `/kura/dev/`; each setting becomes the parameter `<prefix><name>`. */
  readonly prefix: string;
  readonly values: Record<string, string>;
}

/** Non-secret settings for the pipeline, operators and other tools, as SSM String parameters. */
export class PublishedSettings extends Construct {
  readonly parameters: Record<string, ssm.StringParameter> = {};

  constructor(scope: Construct, id: string, props: PublishedSettingsProps) {
    super(scope, id);
    for (const [name, value] of Object.entries(props.values)) {
      this.parameters[name] = new ssm.StringParameter(this, `Param-${name}`, {
        parameterName: `${props.prefix}${name}`,
        stringValue: value,
      });
    }
  }
}
