import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface AccessLogsProps {
  readonly retain: boolean;
}

/**
 * The bucket the app stack's ALB, CloudFront distribution and web bucket write their access logs
 * to. It lives with them: a bucket in the data stack would need policy statements naming
 * resources of the app stack, a dependency cycle.
 */
export class AccessLogs extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: AccessLogsProps) {
    super(scope, id);
    // 'Default' keeps the logical IDs the bucket had before it moved into this construct.
    this.bucket = new s3.Bucket(this, 'Default', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED, // ALB access logs support SSE-S3 only
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER, // CloudFront standard logs use ACLs
      lifecycleRules: [{ expiration: Duration.days(365), abortIncompleteMultipartUploadAfter: Duration.days(7) }],
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      // dev only: lets `cdk destroy` remove a bucket that still holds logs.
      autoDeleteObjects: !props.retain,
    });
  }
}
