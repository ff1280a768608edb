import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/** The header CloudFront adds to every origin request; the ALB forwards only requests carrying it. */
export const originVerifyHeader = 'X-Kura-Origin-Verify';

/**
 * The shared secret between CloudFront and the ALB. Both read the same generated value at deploy
 * time, so it changes in both places together when the secret is replaced (docs/deploy.md).
 */
export class OriginVerify extends Construct {
  readonly secret: secretsmanager.Secret;
  /** The header value, resolved by CloudFormation into the distribution and the listener rule. */
  readonly value: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // 'Default' keeps the logical ID the secret had before it moved into this construct: a
    // replaced secret would be a new value that CloudFront and the ALB might see at different times.
    this.secret = new secretsmanager.Secret(this, 'Default', {
      description: 'Header value CloudFront sends to the Kura ALB',
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
    });
    this.value = this.secret.secretValue.unsafeUnwrap();
  }
}
