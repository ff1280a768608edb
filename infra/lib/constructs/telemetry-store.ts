import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct, type IConstruct } from 'constructs';

/**
 * The readings table's key schema and TTL attribute as the DynamoDB readings store writes them (issue 14:
 * partition key the device, sort key the instant as ISO-8601 text, so a range of time is a key range).
 * test/telemetry.test.ts checks these against the server's adapter.
 */
export const readingsTableSchema = {
  partitionKey: { name: 'deviceId', type: dynamodb.AttributeType.STRING },
  sortKey: { name: 'ts', type: dynamodb.AttributeType.STRING },
  /** Epoch seconds after which DynamoDB deletes the item: the retention, set per item by the writer. */
  timeToLiveAttribute: 'expiresAt',
} as const;

export interface TelemetryStoreProps {
  /** Retain the table and its key when the stack is deleted or the resource replaced (outside dev). */
  readonly retain: boolean;
  /** Refuse DeleteTable until it is switched off (stg, prd). */
  readonly deletionProtection: boolean;
}

/**
 * The storehouse sensors' readings (and the rollups the ingest keeps beside them) in DynamoDB, on demand,
 * with point-in-time recovery and its own KMS key: the functions that read and write readings are granted
 * this key only, not the key Aurora's data is under.
 */
export class TelemetryStore extends Construct {
  readonly key: kms.Key;
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: TelemetryStoreProps) {
    super(scope, id);
    const removalPolicy = props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    this.key = new kms.Key(this, 'Key', {
      description: 'Kura telemetry readings at rest (DynamoDB)',
      enableKeyRotation: true,
      removalPolicy,
    });
    this.table = new dynamodb.Table(this, 'Readings', {
      partitionKey: readingsTableSchema.partitionKey,
      sortKey: readingsTableSchema.sortKey,
      timeToLiveAttribute: readingsTableSchema.timeToLiveAttribute,
      // Sensors report in bursts and sleep at night: pay per request, no capacity to tune or throttle on.
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: 35 },
      deletionProtection: props.deletionProtection,
      removalPolicy,
    });
  }

  /**
   * The ingest function: write readings and rollups (conditional puts, batch writes, counter updates,
   * transactions) and read them back. No Scan and no DeleteItem: readings leave by TTL only.
   */
  grantIngest(grantee: iam.IGrantable & IConstruct): void {
    this.table.grant(grantee, ...readActions, ...writeActions);
    // What DynamoDB uses the table's customer-managed key for on a writer's behalf (aws-cdk-lib's own
    // set for a table's writers); test/telemetry.test.ts pins it.
    this.key.grant(grantee, ...keyReadActions, 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*');
    Validations.of(grantee).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Action::kms:ReEncrypt*]',
      reason:
        "On the telemetry table's own key only: DynamoDB re-encrypts the table key with it on the writer's behalf (the KMS action family aws-cdk-lib grants a table's writers).",
    });
    Validations.of(grantee).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
      reason:
        "On the telemetry table's own key only: DynamoDB generates the table's data keys with it on the writer's behalf (the KMS action family aws-cdk-lib grants a table's writers).",
    });
  }

  /** Functions that only read readings (the alert evaluation): by key and range, never a Scan. */
  grantRead(grantee: iam.IGrantable): void {
    this.table.grant(grantee, ...readActions);
    this.key.grant(grantee, ...keyReadActions);
  }
}

const keyReadActions = ['kms:Decrypt', 'kms:DescribeKey'];
const readActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
// TransactWriteItems is authorised action by action (PutItem, UpdateItem, ConditionCheckItem).
const writeActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];
