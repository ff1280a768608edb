import {
  CreateTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';

/**
 * The readings table's shape, in one place: the DynamoDB adapter writes it,
 * createReadingsTable makes it on an emulator or a test account, and the CDK
 * table (infra/lib/constructs/telemetry-store.ts `readingsTableSchema`) must
 * say the same (seed 004: partition key the device id, sort key the timestamp).
 */
export const readingsTableKeys = {
  /** The device id; a rollup's partition is `<device id>#1h` or `<device id>#1d`. */
  partitionKey: { name: 'deviceId', type: 'S' },
  /** The reading's instant as ISO-8601 UTC to the millisecond (sorts as time); a rollup's bucket start. */
  sortKey: { name: 'ts', type: 'S' },
} as const;

/** Epoch seconds after which DynamoDB's TTL deletes the item (readings and rollups alike). */
export const readingsTtlAttribute = 'expiresAt';

/** Rollup partitions beside a device's readings. */
export const rollupPartition = {
  hour: (deviceId: string) => `${deviceId}#1h`,
  day: (deviceId: string) => `${deviceId}#1d`,
} as const;

/** Day rollups are cut at midnight here (Kura's storehouses are in Japan; no DST). */
export const rollupDayTimeZone = 'Asia/Tokyo';

/**
 * Creates the table as the CDK does (on demand, the same keys), then turns on
 * TTL. An emulator without TTL (dynalite) answers that it does not know the
 * operation: the table is still usable and the attribute is still written,
 * so this says which happened rather than failing.
 */
export async function createReadingsTable(
  client: DynamoDBClient,
  table: string,
): Promise<{ created: boolean; ttl: 'enabled' | 'unsupported' }> {
  const { partitionKey, sortKey } = readingsTableKeys;
  let created = true;
  try {
    await client.send(
      new CreateTableCommand({
        TableName: table,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: partitionKey.name, KeyType: 'HASH' },
          { AttributeName: sortKey.name, KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: partitionKey.name, AttributeType: partitionKey.type },
          { AttributeName: sortKey.name, AttributeType: sortKey.type },
        ],
      }),
    );
  } catch (err) {
    if (!(err instanceof ResourceInUseException)) throw err;
    created = false;
  }
  try {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: table,
        TimeToLiveSpecification: { AttributeName: readingsTtlAttribute, Enabled: true },
      }),
    );
    return { created, ttl: 'enabled' };
  } catch (err) {
    if (err instanceof Error && err.name === 'UnknownOperationException') return { created, ttl: 'unsupported' };
    // Already on (a second run against real DynamoDB).
    if (err instanceof Error && /already enabled/i.test(err.message)) return { created, ttl: 'enabled' };
    throw err;
  }
}
