import type { AddressInfo } from 'node:net';
import { DynamoDBClient, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readingRetentionDays } from '../ingest-readings.js';
import type { Bucket, Reading } from '../ports.js';
import { describeReadingsStore } from '../readings-store.contract.js';
import { createDynamoDbReadingsStore, type DynamoDbUsage } from './dynamodb-readings-store.js';
import { createReadingsTable, readingsTtlAttribute, rollupPartition } from './dynamodb-table.js';

/**
 * The DynamoDB adapter against dynalite, an in-process DynamoDB emulator (pure
 * Node, on LevelDB in memory): conditional puts, queries and consumed
 * capacity behave as DynamoDB's; it has no TTL deletion and no transactions
 * (the adapter uses neither), so TTL is checked as the attribute written.
 */
type Emulator = { client: DynamoDBClient; connect(): DynamoDBClient; close(): Promise<void> };

async function startEmulator(): Promise<Emulator> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const connect = () =>
    new DynamoDBClient({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'ap-northeast-1',
      credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' },
    });
  const client = connect();
  return {
    client,
    connect,
    close: async () => {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let tables = 0;
async function newTable(client: DynamoDBClient) {
  const table = `kura-readings-${process.pid}-${++tables}`;
  const made = await createReadingsTable(client, table);
  expect(made).toEqual({ created: true, ttl: 'unsupported' });
  return table;
}

describeReadingsStore('DynamoDB (dynalite emulator)', async () => {
  const emulator = await startEmulator();
  const table = await newTable(emulator.client);
  return { store: createDynamoDbReadingsStore({ client: emulator.client, table }), close: emulator.close };
});

describe('DynamoDB readings store (dynalite emulator)', () => {
  let emulator: Emulator;
  let table: string;
  beforeAll(async () => {
    emulator = await startEmulator();
    table = await newTable(emulator.client);
  });
  afterAll(async () => {
    await emulator?.close();
  });

  const base = Date.parse('2026-11-30T15:00:00.000Z'); // midnight in Tokyo
  const reading = (minute: number, temperature = 5, humidity = 60): Reading => ({
    ts: new Date(base + minute * 60_000),
    temperature,
    humidity,
    status: 'ok',
  });

  it('writes each reading and rollup with a TTL of the retention (the emulator does not expire them)', async () => {
    const deviceId = crypto.randomUUID();
    const store = createDynamoDbReadingsStore({ client: emulator.client, table });
    await store.append({ deviceId, readings: [reading(90)] });
    const get = async (pk: string, sk: string) =>
      (
        await emulator.client.send(
          new GetItemCommand({ TableName: table, Key: { deviceId: { S: pk }, ts: { S: sk } } }),
        )
      ).Item;
    const raw = await get(deviceId, reading(90).ts.toISOString());
    expect(raw?.[readingsTtlAttribute]).toEqual({
      N: String((base + 90 * 60_000) / 1000 + readingRetentionDays * 86_400),
    });
    const hour = await get(rollupPartition.hour(deviceId), new Date(base + 3_600_000).toISOString());
    expect(hour?.[readingsTtlAttribute]).toEqual({
      N: String((base + 2 * 3_600_000) / 1000 + readingRetentionDays * 86_400),
    });
    const day = await get(rollupPartition.day(deviceId), new Date(base).toISOString());
    expect(day?.n).toEqual({ N: '1' });
    expect(day?.[readingsTtlAttribute]).toEqual({
      N: String((base + 86_400_000) / 1000 + readingRetentionDays * 86_400),
    });
  });

  it('repairs the rollups when the batch is retried after the process died between the puts and the rollups', async () => {
    const deviceId = crypto.randomUUID();
    // A client whose rollup writes fail, as if the process stopped right after storing the readings.
    const dying = emulator.connect();
    dying.middlewareStack.add(
      (next) => async (args) => {
        const partition = (args.input as { Item?: { deviceId?: unknown } }).Item?.deviceId;
        if (typeof partition === 'string' && partition.includes('#')) throw new Error('process died');
        return next(args);
      },
      { step: 'initialize', name: 'dieBeforeRollups' },
    );
    const batch = [reading(1, 3), reading(2, 5), reading(70, 9)];
    await expect(
      createDynamoDbReadingsStore({ client: dying, table }).append({ deviceId, readings: batch }),
    ).rejects.toThrow('process died');
    const store = createDynamoDbReadingsStore({ client: emulator.client, table });
    const hours = () =>
      store.buckets({
        deviceId,
        from: new Date(base),
        to: new Date(base + 2 * 3_600_000),
        width: '1h',
        timeZone: 'UTC',
      });
    expect((await hours()).map((b) => b.count)).toEqual([0, 0]);
    // The device retries the whole batch: every reading is a duplicate, and the rollups are complete.
    expect(await store.append({ deviceId, readings: batch })).toEqual({ accepted: 0, duplicates: 3 });
    expect((await hours()).map((b) => [b.count, b.temperature.max])).toEqual([
      [2, 5],
      [1, 9],
    ]);
    dying.destroy();
  });

  it('counts its write units: one per reading, plus the hour and day rollup puts per batch', async () => {
    const usage: DynamoDbUsage = { writeUnits: 0, readUnits: 0, writeRequests: 0, readRequests: 0 };
    const store = createDynamoDbReadingsStore({ client: emulator.client, table, usage });
    // 60 readings in one hour of one Tokyo day: 60 reading puts + 1 hour put + 1 day put.
    await store.append({ deviceId: crypto.randomUUID(), readings: Array.from({ length: 60 }, (_, i) => reading(i)) });
    expect(usage).toMatchObject({ writeRequests: 62, writeUnits: 62 });
    expect(usage.readRequests).toBe(2);
  });

  it('rollups equal aggregates recomputed from the raw items after random duplicate and late arrivals (30 seeds)', {
    timeout: 240_000,
  }, async () => {
    const store = createDynamoDbReadingsStore({ client: emulator.client, table, concurrency: 8 });
    for (let seed = 1; seed <= 30; seed++) {
      const random = mulberry32(seed);
      const deviceId = crypto.randomUUID();
      // Up to 60 instants over two and a half Tokyo days, each sent 1–3 times with other values, in random
      // batches and order (so many arrive late), some batches at the same time.
      const minutes = Array.from({ length: 10 + Math.floor(random() * 50) }, () => Math.floor(random() * 3600));
      const sends = minutes.flatMap((minute) =>
        Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
          reading(minute, Math.round(random() * 400 - 100) / 10, Math.round(random() * 1000) / 10),
        ),
      );
      shuffle(sends, random);
      const batches: Reading[][] = [];
      for (let i = 0; i < sends.length; ) {
        const size = 1 + Math.floor(random() * 30);
        batches.push(sends.slice(i, i + size));
        i += size;
      }
      for (let i = 0; i < batches.length; i += 3) {
        await Promise.all(batches.slice(i, i + 3).map((readings) => store.append({ deviceId, readings })));
      }
      const raw = await rawItems(emulator.client, table, deviceId);
      expect(raw.length, `seed ${seed}`).toBe(new Set(minutes).size);
      const from = new Date(base);
      const to = new Date(base + 3 * 86_400_000);
      for (const width of ['1h', '1d'] as const) {
        const buckets = await store.buckets({ deviceId, from, to, width, timeZone: 'Asia/Tokyo' });
        const size = width === '1h' ? 3_600_000 : 86_400_000;
        for (const b of buckets) {
          const inside = raw.filter(
            (r) => r.ts.getTime() >= b.start.getTime() && r.ts.getTime() < b.start.getTime() + size,
          );
          expect(summarise(b), `seed ${seed} ${width} ${b.start.toISOString()}`).toEqual(expected(inside));
        }
      }
    }
  });
});

async function rawItems(client: DynamoDBClient, table: string, deviceId: string): Promise<Reading[]> {
  const items: Reading[] = [];
  let start: Record<string, never> | undefined;
  do {
    const out = await client.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'deviceId = :d',
        ExpressionAttributeValues: { ':d': { S: deviceId } },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? []) {
      items.push({
        ts: new Date(String(item.ts?.S)),
        temperature: Number(item.temperature?.N),
        humidity: Number(item.humidity?.N),
        status: String(item.status?.S),
      });
    }
    start = out.LastEvaluatedKey as Record<string, never> | undefined;
  } while (start);
  return items;
}

const round = (n: number | null) => (n === null ? null : Math.round(n * 1e9) / 1e9);
const summarise = (b: Bucket) => ({
  count: b.count,
  t: [round(b.temperature.avg), b.temperature.min, b.temperature.max],
  h: [round(b.humidity.avg), b.humidity.min, b.humidity.max],
});
function expected(rs: Reading[]) {
  if (rs.length === 0) return { count: 0, t: [null, null, null], h: [null, null, null] };
  const of = (values: number[]) => [
    round(values.reduce((a, v) => a + v, 0) / values.length),
    Math.min(...values),
    Math.max(...values),
  ];
  return { count: rs.length, t: of(rs.map((r) => r.temperature)), h: of(rs.map((r) => r.humidity)) };
}

/** A small seeded generator, so a failing seed can be replayed. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}
