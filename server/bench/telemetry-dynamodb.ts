import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import {
  createDynamoDbReadingsStore,
  type DynamoDbUsage,
} from '../src/modules/telemetry/adapters/dynamodb-readings-store.js';
import { createReadingsTable } from '../src/modules/telemetry/adapters/dynamodb-table.js';
import type { Reading } from '../src/modules/telemetry/ports.js';

/**
 * Telemetry's cost figure on AWS: DynamoDB write (and read) units per reading
 * stored by the DynamoDB adapter, rollups included, measured against dynalite
 * in this process. dynalite answers ReturnConsumedCapacity by DynamoDB's rules
 * (1 write unit per started KB of the item, the larger of old and new; a
 * strongly consistent read 1 unit per started 4 KB); the adapter adds the 1
 * unit DynamoDB charges for a failed condition, which no response reports.
 */

/** docs/deploy.md's on-demand price in ap-northeast-1: ≈ $0.71 per million write request units. */
const dollarsPerMillionWrites = 0.71;

export type WriteUnitsFigure = {
  scenario: string;
  readings: number;
  writeUnitsPerReading: number;
  readUnitsPerReading: number;
  dollarsPerMillionReadings: number;
};

const start = Date.parse('2026-11-01T00:00:00.000Z');

function readingsAt(count: number, firstMs: number, stepMs: number): Reading[] {
  return Array.from({ length: count }, (_, i) => ({
    ts: new Date(firstMs + i * stepMs),
    temperature: 4 + Math.sin(i / 60) * 2,
    humidity: 60 + Math.cos(i / 90) * 8,
    status: 'ok',
  }));
}

export async function benchDynamoDbWriteUnits(say: (line: string) => void): Promise<WriteUnitsFigure[]> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' },
  });
  try {
    const table = `kura-bench-readings-${process.pid}`;
    await createReadingsTable(client, table);
    const figures: WriteUnitsFigure[] = [];
    const measure = async (scenario: string, batches: Reading[][]) => {
      const usage: DynamoDbUsage = { writeUnits: 0, readUnits: 0, writeRequests: 0, readRequests: 0 };
      const store = createDynamoDbReadingsStore({ client, table, usage });
      const deviceId = crypto.randomUUID();
      let readings = 0;
      for (const batch of batches) readings += (await store.append({ deviceId, readings: batch })).accepted;
      const perReading = usage.writeUnits / readings;
      figures.push({
        scenario,
        readings,
        writeUnitsPerReading: Number(perReading.toFixed(3)),
        readUnitsPerReading: Number((usage.readUnits / readings).toFixed(3)),
        dollarsPerMillionReadings: Number((perReading * dollarsPerMillionWrites).toFixed(2)),
      });
      say(`dynamodb: ${scenario}: ${perReading.toFixed(3)} write units a reading`);
    };
    say('dynamodb: write units per reading against dynalite (ReturnConsumedCapacity)');
    // What the HTTP bench sends: 500 a request, a second apart (each batch within one or two hours).
    await measure(
      '500 a request, 1 s apart',
      Array.from({ length: 4 }, (_, b) => readingsAt(500, start + b * 500_000, 1000)),
    );
    // A sensor reporting once a minute that sends a backlog: each batch spans about 8 hours.
    await measure(
      '500 a request, 1 min apart',
      Array.from({ length: 2 }, (_, b) => readingsAt(500, start + b * 30_000_000, 60_000)),
    );
    // A sensor posting each reading as it takes it.
    await measure(
      '1 a request, 1 min apart',
      readingsAt(120, start, 60_000).map((r) => [r]),
    );
    return figures;
  } finally {
    client.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
