import { ConditionalCheckFailedException, type ConsumedCapacity, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { AppError } from '../../../platform/http/errors.js';
import { readingRetentionDays } from '../ingest-readings.js';
import type { Bucket, Reading, ReadingsStore } from '../ports.js';
import { readingsTableKeys, readingsTtlAttribute, rollupDayTimeZone, rollupPartition } from './dynamodb-table.js';
import { bucketGrid, type GridBucket } from './time-grid.js';

/**
 * Readings in DynamoDB (seed 004: partition key the device id, sort key the
 * instant), each with a TTL for the retention, and hourly and daily rollup
 * items (count and sum/min/max per metric) beside them, since DynamoDB cannot
 * aggregate at query time.
 *
 * Duplicates: each reading is a conditional put (`attribute_not_exists(ts)`);
 * a reading whose instant the device already has fails the condition and
 * changes nothing. BatchWriteItem takes no conditions, so readings are not
 * batch-written: one conditional PutItem each (1 write unit under 1 KB), a
 * bounded number in flight.
 *
 * Rollups are not incremented, they are RECOMPUTED: after its puts, append
 * reads back every hour the batch touched (a strongly consistent query of that
 * hour's raw items) and puts the hour's summary with the condition "the stored
 * count is smaller than mine"; then each touched Tokyo day is summed from its
 * hour items the same way. Why not `ADD count 1, sum :t` after each put:
 *   - died between the put and the increment → the reading is stored but never
 *     counted, and a retry finds it a duplicate, so nothing repairs it;
 *   - increment first, then put → a crash counts a reading that isn't there;
 *   - both in one transaction → 2× the write units, one conflict per hot hour
 *     item, and min/max still cannot be expressed as an update.
 * A recomputed summary is a function of the stored readings only, so
 * duplicates and values of refused repeats never reach it, a late reading
 * lands in its own hour and day, and a retry repairs: if the process dies
 * between put and recompute, the hour is stale (never wrong beyond missing
 * readings) until the device retries the batch (hours of duplicates are
 * recomputed too) or any later reading lands in the same hour. Concurrent
 * recomputes cannot go backwards: an hour only gains readings (TTL aside),
 * so a summary with a larger count saw a superset, and the conditional put
 * keeps the larger one; the last writer of an hour reads after every put.
 *
 * Bucketed queries: 1 h and 1 d from the rollups for the buckets that lie
 * wholly inside [from, to) (1 d from day items in Tokyo, summed from hour
 * items in other whole-hour zones); 1 m and 5 m, the partial buckets at the
 * edges, and zones with a fractional offset from the raw items. Gaps are
 * empty buckets, as in SQL.
 */

export type DynamoDbUsage = {
  /** Write units as DynamoDB reports them (ConsumedCapacity), plus 1 per failed condition (charged, not reported). */
  writeUnits: number;
  readUnits: number;
  writeRequests: number;
  readRequests: number;
};

export type DynamoDbReadingsStoreOptions = {
  client: DynamoDBClient;
  table: string;
  /** Puts in flight per append. */
  concurrency?: number;
  /** Called with each request's consumed capacity (the bench's cost figure). */
  usage?: DynamoDbUsage;
};

const hourMs = 3_600_000;
const retentionSeconds = readingRetentionDays * 86_400;
const { partitionKey: pk, sortKey: sk } = readingsTableKeys;

type Summary = { n: number; tSum: number; tMin: number; tMax: number; hSum: number; hMin: number; hMax: number };

const emptySummary = (): Summary => ({
  n: 0,
  tSum: 0,
  tMin: Number.POSITIVE_INFINITY,
  tMax: Number.NEGATIVE_INFINITY,
  hSum: 0,
  hMin: Number.POSITIVE_INFINITY,
  hMax: Number.NEGATIVE_INFINITY,
});

function addReading(s: Summary, r: { temperature: number; humidity: number }): void {
  s.n++;
  s.tSum += r.temperature;
  s.tMin = Math.min(s.tMin, r.temperature);
  s.tMax = Math.max(s.tMax, r.temperature);
  s.hSum += r.humidity;
  s.hMin = Math.min(s.hMin, r.humidity);
  s.hMax = Math.max(s.hMax, r.humidity);
}

function addSummary(s: Summary, o: Summary): void {
  if (o.n === 0) return;
  s.n += o.n;
  s.tSum += o.tSum;
  s.tMin = Math.min(s.tMin, o.tMin);
  s.tMax = Math.max(s.tMax, o.tMax);
  s.hSum += o.hSum;
  s.hMin = Math.min(s.hMin, o.hMin);
  s.hMax = Math.max(s.hMax, o.hMax);
}

function toBucket(start: Date, s: Summary): Bucket {
  if (s.n === 0) {
    const none = { avg: null, min: null, max: null };
    return { start, count: 0, temperature: none, humidity: none };
  }
  return {
    start,
    count: s.n,
    temperature: { avg: s.tSum / s.n, min: s.tMin, max: s.tMax },
    humidity: { avg: s.hSum / s.n, min: s.hMin, max: s.hMax },
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

function encodeCursor(ts: string): string {
  return Buffer.from(JSON.stringify({ ts }), 'utf8').toString('base64url');
}

function decodeCursor(raw: string): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'ts' in parsed &&
      typeof parsed.ts === 'string' &&
      !Number.isNaN(Date.parse(parsed.ts))
    )
      return new Date(parsed.ts).toISOString();
  } catch {}
  throw new AppError('INVALID_CURSOR', 'The cursor is not valid: not a cursor from this API; start again without it', [
    { path: 'cursor', message: 'not a cursor from this API' },
  ]);
}

/** At most `limit` of `work` running at once. */
async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  });
  await Promise.all(lanes);
  return results;
}

export function createDynamoDbReadingsStore(options: DynamoDbReadingsStoreOptions): ReadingsStore {
  const { table } = options;
  const concurrency = options.concurrency ?? 16;
  const doc = DynamoDBDocumentClient.from(options.client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  const usage = options.usage;
  const count = (kind: 'read' | 'write', capacity: ConsumedCapacity | ConsumedCapacity[] | undefined, failed = 0) => {
    if (!usage) return;
    const units = [capacity ?? []].flat().reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
    if (kind === 'write') {
      usage.writeRequests++;
      usage.writeUnits += units + failed;
    } else {
      usage.readRequests++;
      usage.readUnits += units;
    }
  };

  /** Puts the item unless the condition fails; false when it did. */
  async function conditionalPut(
    item: Record<string, unknown>,
    condition: string,
    names: Record<string, string>,
    values?: Record<string, unknown>,
  ) {
    try {
      const out = await doc.send(
        new PutCommand({
          TableName: table,
          Item: item,
          ConditionExpression: condition,
          ExpressionAttributeNames: names,
          ...(values ? { ExpressionAttributeValues: values } : {}),
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      count('write', out.ConsumedCapacity);
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) {
        // DynamoDB charges a failed conditional write (1 unit under 1 KB) without reporting it here.
        count('write', undefined, 1);
        return false;
      }
      throw err;
    }
  }

  /** Every item of a partition with sort key in [fromIso, lastIso], strongly consistent, all pages. */
  async function queryAll(partition: string, fromIso: string, lastIso: string, projection?: string) {
    const items: Record<string, unknown>[] = [];
    let start: QueryCommandInput['ExclusiveStartKey'];
    do {
      const out = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :last',
          ExpressionAttributeNames: { '#pk': pk.name, '#sk': sk.name },
          ExpressionAttributeValues: { ':pk': partition, ':from': fromIso, ':last': lastIso },
          ...(projection ? { ProjectionExpression: projection } : {}),
          ConsistentRead: true,
          ExclusiveStartKey: start,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      count('read', out.ConsumedCapacity);
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }

  const rawSummary = async (deviceId: string, fromMs: number, toMs: number) => {
    const s = emptySummary();
    if (toMs <= fromMs) return s;
    for (const item of await queryAll(deviceId, iso(fromMs), iso(toMs - 1), 'temperature, humidity')) {
      addReading(s, { temperature: Number(item.temperature), humidity: Number(item.humidity) });
    }
    return s;
  };

  const summaryOf = (item: Record<string, unknown>): Summary => ({
    n: Number(item.n),
    tSum: Number(item.tSum),
    tMin: Number(item.tMin),
    tMax: Number(item.tMax),
    hSum: Number(item.hSum),
    hMin: Number(item.hMin),
    hMax: Number(item.hMax),
  });

  /** Hour items of [fromMs, toMs) by their start (ms). */
  async function hourSummaries(deviceId: string, fromMs: number, toMs: number) {
    const items = await queryAll(rollupPartition.hour(deviceId), iso(fromMs), iso(toMs - 1));
    return new Map(items.map((item) => [Date.parse(String(item[sk.name])), summaryOf(item)]));
  }

  /** The stored summary only moves to one that saw more readings (see the header). */
  async function putRollup(partition: string, startMs: number, endMs: number, s: Summary) {
    if (s.n === 0) return;
    await conditionalPut(
      {
        [pk.name]: partition,
        [sk.name]: iso(startMs),
        ...s,
        [readingsTtlAttribute]: Math.floor(endMs / 1000) + retentionSeconds,
      },
      'attribute_not_exists(#n) OR #n < :n',
      { '#n': 'n' },
      { ':n': s.n },
    );
  }

  const tokyoDays = (ms: number) => bucketGrid({ from: ms, to: ms + 1, width: '1d', timeZone: rollupDayTimeZone })[0];

  async function recomputeRollups(deviceId: string, instants: readonly number[]) {
    const hours = [...new Set(instants.map((ms) => Math.floor(ms / hourMs) * hourMs))];
    await inParallel(hours, concurrency, async (hour) => {
      const s = await rawSummary(deviceId, hour, hour + hourMs);
      await putRollup(rollupPartition.hour(deviceId), hour, hour + hourMs, s);
    });
    const days = new Map<number, GridBucket>();
    for (const hour of hours) {
      const day = tokyoDays(hour);
      if (day) days.set(day.start, day);
    }
    await inParallel([...days.values()], concurrency, async (day) => {
      const s = emptySummary();
      for (const hourSummary of (await hourSummaries(deviceId, day.start, day.end)).values())
        addSummary(s, hourSummary);
      await putRollup(rollupPartition.day(deviceId), day.start, day.end, s);
    });
  }

  return {
    async append({ deviceId, readings: batch }) {
      // First one wins within a batch, as it would against a stored reading.
      const seen = new Set<number>();
      const fresh = batch.filter((r) => !seen.has(r.ts.getTime()) && seen.add(r.ts.getTime()));
      if (fresh.length === 0) return { accepted: 0, duplicates: batch.length };
      const stored = await inParallel(fresh, concurrency, (r) =>
        conditionalPut(
          {
            [pk.name]: deviceId,
            [sk.name]: r.ts.toISOString(),
            temperature: r.temperature,
            humidity: r.humidity,
            status: r.status,
            [readingsTtlAttribute]: Math.floor(r.ts.getTime() / 1000) + retentionSeconds,
          },
          'attribute_not_exists(#sk)',
          { '#sk': sk.name },
        ),
      );
      // Duplicates' hours too: a retry after a crash between put and recompute repairs them.
      await recomputeRollups(
        deviceId,
        fresh.map((r) => r.ts.getTime()),
      );
      const accepted = stored.filter(Boolean).length;
      return { accepted, duplicates: batch.length - accepted };
    },

    async latest({ deviceIds }) {
      const found = await inParallel([...new Set(deviceIds)], concurrency, async (deviceId) => {
        const out = await doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: '#pk = :pk',
            ExpressionAttributeNames: { '#pk': pk.name },
            ExpressionAttributeValues: { ':pk': deviceId },
            ScanIndexForward: false,
            Limit: 1,
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        count('read', out.ConsumedCapacity);
        const item = out.Items?.[0];
        return item ? ([deviceId, readingOf(item)] as const) : undefined;
      });
      return new Map(found.filter((entry) => entry !== undefined));
    },

    async list({ deviceId, from, to, cursor, limit }) {
      const after = cursor === undefined ? undefined : decodeCursor(cursor);
      const items: Reading[] = [];
      let start: QueryCommandInput['ExclusiveStartKey'] = after ? { [pk.name]: deviceId, [sk.name]: after } : undefined;
      if (to.getTime() <= from.getTime()) return { items: [], nextCursor: null };
      // One more than a page, to know whether another follows.
      do {
        const out = await doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :last',
            ExpressionAttributeNames: { '#pk': pk.name, '#sk': sk.name },
            ExpressionAttributeValues: {
              ':pk': deviceId,
              ':from': from.toISOString(),
              ':last': iso(to.getTime() - 1),
            },
            Limit: limit + 1 - items.length,
            ExclusiveStartKey: start,
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        count('read', out.ConsumedCapacity);
        items.push(...(out.Items ?? []).map(readingOf));
        start = out.LastEvaluatedKey;
      } while (start && items.length <= limit);
      const page = items.slice(0, limit);
      const last = page.at(-1);
      return { items: page, nextCursor: items.length > limit && last ? encodeCursor(last.ts.toISOString()) : null };
    },

    async buckets({ deviceId, from, to, width, timeZone }) {
      const grid = bucketGrid({ from: from.getTime(), to: to.getTime(), width, timeZone });
      if (grid.length === 0) return [];
      const fromMs = from.getTime();
      const toMs = to.getTime();
      const whole = (b: GridBucket) => b.start >= fromMs && b.end <= toMs;
      const hourAligned = grid.every((b) => b.start % hourMs === 0 && b.end % hourMs === 0);
      const fromRollups = (width === '1h' || width === '1d') && hourAligned;
      const summaries = new Map<number, Summary>();
      if (fromRollups) {
        const inner = grid.filter(whole);
        const first = inner[0];
        const last = inner.at(-1);
        if (first && last) {
          if (width === '1d' && timeZone === rollupDayTimeZone) {
            const items = await queryAll(rollupPartition.day(deviceId), iso(first.start), iso(last.end - 1));
            for (const item of items) summaries.set(Date.parse(String(item[sk.name])), summaryOf(item));
          } else {
            const hours = await hourSummaries(deviceId, first.start, last.end);
            for (const b of inner) {
              const s = emptySummary();
              for (let h = b.start; h < b.end; h += hourMs) {
                const hour = hours.get(h);
                if (hour) addSummary(s, hour);
              }
              summaries.set(b.start, s);
            }
          }
        }
        // The partial buckets at the edges hold only the readings inside [from, to): from the raw items.
        for (const b of grid.filter((g) => !whole(g))) {
          summaries.set(b.start, await rawSummary(deviceId, Math.max(b.start, fromMs), Math.min(b.end, toMs)));
        }
      } else {
        const items = await queryAll(deviceId, iso(fromMs), iso(toMs - 1), '#sk, temperature, humidity');
        let i = 0;
        for (const item of items) {
          const ms = Date.parse(String(item[sk.name]));
          while (i < grid.length && (grid[i] as GridBucket).end <= ms) i++;
          const b = grid[i];
          if (!b || ms < b.start) continue;
          const s = summaries.get(b.start) ?? emptySummary();
          addReading(s, { temperature: Number(item.temperature), humidity: Number(item.humidity) });
          summaries.set(b.start, s);
        }
      }
      return grid.map((b) => toBucket(new Date(b.start), summaries.get(b.start) ?? emptySummary()));
    },
  };
}

function readingOf(item: Record<string, unknown>): Reading {
  return {
    ts: new Date(String(item[sk.name])),
    temperature: Number(item.temperature),
    humidity: Number(item.humidity),
    status: String(item.status),
  };
}
