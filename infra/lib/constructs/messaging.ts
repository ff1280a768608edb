import { Duration } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface MessagingProps {
  readonly maxReceiveCount: number;
  /** Must exceed the longest a consumer holds a message (the worker's handler timeout). */
  readonly visibilityTimeout?: Duration;
}

/**
 * The order/event queue the outbox relay publishes to and the stock worker consumes,
 * with a dead-letter queue behind it that an operator inspects and redrives.
 */
export class Messaging extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: MessagingProps) {
    super(scope, id);
    this.deadLetterQueue = new sqs.Queue(this, 'EventsDlq', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new sqs.Queue(this, 'Events', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: props.visibilityTimeout ?? Duration.seconds(60),
      retentionPeriod: Duration.days(4),
      receiveMessageWaitTime: Duration.seconds(20),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount },
    });
  }

  grantPublish(grantee: iam.IGrantable): void {
    this.queue.grantSendMessages(grantee);
  }

  /** The stock worker: receive and settle messages, and dead-letter a poisoned one itself (no retry can help). */
  grantConsume(grantee: iam.IGrantable): void {
    this.queue.grantConsumeMessages(grantee);
    this.deadLetterQueue.grantSendMessages(grantee);
  }

  /** The staff dead-letter API: read the DLQ and move its messages back to the queue. */
  grantRedrive(grantee: iam.IGrantable): void {
    this.deadLetterQueue.grantConsumeMessages(grantee);
    this.queue.grantSendMessages(grantee);
  }
}
