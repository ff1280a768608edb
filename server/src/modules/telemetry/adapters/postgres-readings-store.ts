import { and, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { type DatabaseOrTransaction, sqlRows } from '../../../platform/db/database.js';
import { keyset } from '../../../platform/db/keyset.js';
import type { Bucket, BucketWidth, Reading, ReadingsStore } from '../ports.js';
import { readings } from '../schema.js';

/** PostgreSQL's interval for each bucket width. */
const widthInterval: Record<BucketWidth, string> = {
  '1m': '1 minute',
  '5m': '5 minutes',
  '1h': '1 hour',
  '1d': '1 day',
};

/** Raw SQL answers the same `{ rows }` from both drivers (PGlite, node-postgres). */
/**
 * The bucket a wall-clock (local) timestamp falls in, as a local timestamp:
 * days by the calendar, shorter widths on a grid from a local midnight, so a
 * 1 h bucket starts on the local hour wherever the zone's offset is.
 */
function bucketOf(local: SQL, width: BucketWidth): SQL {
  return width === '1d'
    ? sql`date_trunc('day', ${local})`
    : sql`date_bin(cast(${widthInterval[width]} as interval), ${local}, timestamp '2000-01-01 00:00:00')`;
}

/** Readings in the main PostgreSQL database (PGlite or a server): telemetry.readings, keyed (device, ts). */
export function createPostgresReadingsStore(db: DatabaseOrTransaction): ReadingsStore {
  return {
    async append({ deviceId, readings: batch }) {
      // First one wins within a batch, as it would against a stored reading.
      const seen = new Set<number>();
      // Instants go as epoch milliseconds: toISOString was the largest cost of building the batch
      // (≈1 µs a reading), and to_timestamp(ms / 1000.0) lands on the same millisecond.
      const rows: { m: number; t: number; h: number; s: string }[] = [];
      for (const r of batch) {
        const m = r.ts.getTime();
        if (seen.has(m)) continue;
        seen.add(m);
        rows.push({ m, t: r.temperature, h: r.humidity, s: r.status });
      }
      if (rows.length === 0) return { accepted: 0, duplicates: batch.length };
      // One statement with one JSON parameter, whatever the batch size: atomic, one round trip,
      // one plan; the primary key turns every repeat into a no-op, concurrent ones too.
      const [row] = await sqlRows<{ accepted: number }>(
        db,
        sql`with inserted as (
              insert into telemetry.readings (device_id, ts, temperature, humidity, status)
              select ${deviceId}::uuid, to_timestamp(r.m / 1000.0), r.t, r.h, r.s
              from json_to_recordset(${JSON.stringify(rows)}::json) as r(m float8, t float8, h float8, s text)
              on conflict (device_id, ts) do nothing
              returning 1
            )
            select count(*)::int as accepted from inserted`,
      );
      const accepted = row?.accepted ?? 0;
      return { accepted, duplicates: batch.length - accepted };
    },

    async latest({ deviceIds }) {
      if (deviceIds.length === 0) return new Map();
      // One backward step down each device's primary-key index, however many readings it has.
      const rows = await sqlRows<{
        device_id: string;
        ms: number;
        temperature: number;
        humidity: number;
        status: string;
      }>(
        db,
        sql`select d.id as device_id, (extract(epoch from r.ts) * 1000)::float8 as ms, r.temperature, r.humidity, r.status
            from json_array_elements_text(${JSON.stringify(deviceIds)}::json) as d(id)
            cross join lateral (
              select ts, temperature, humidity, status from telemetry.readings
              where device_id = d.id::uuid order by ts desc limit 1
            ) r`,
      );
      return new Map(
        rows.map((r) => [
          r.device_id,
          { ts: new Date(r.ms), temperature: r.temperature, humidity: r.humidity, status: r.status },
        ]),
      );
    },

    async list({ deviceId, from, to, cursor, limit }) {
      // One device per query, so its id breaks no ties: ts alone is unique within it.
      const paging = keyset(
        {
          sort: 'oldest',
          keys: [{ column: readings.ts, kind: 'instant', direction: 'asc' }],
          id: { column: readings.deviceId, kind: 'uuid', direction: 'asc' },
        },
        cursor,
      );
      const rows = await db
        .select({
          ts: readings.ts,
          temperature: readings.temperature,
          humidity: readings.humidity,
          status: readings.status,
          ...paging.select,
        })
        .from(readings)
        .where(and(eq(readings.deviceId, deviceId), gte(readings.ts, from), lt(readings.ts, to), paging.after))
        .orderBy(...paging.orderBy)
        .limit(limit + 1);
      const page = paging.page(rows, limit);
      return { items: page.items satisfies Reading[], nextCursor: page.nextCursor };
    },

    async buckets({ deviceId, from, to, width, timeZone }) {
      // Computed from the raw rows at query time, so a late or backfilled reading is in its bucket at once.
      const local = (instant: SQL) => sql`(${instant} at time zone ${timeZone})`;
      const fromAt = sql`${from.toISOString()}::timestamptz`;
      const lastAt = sql`${new Date(to.getTime() - 1).toISOString()}::timestamptz`;
      const rows = await sqlRows<{
        ms: number;
        n: number;
        t_avg: number | null;
        t_min: number | null;
        t_max: number | null;
        h_avg: number | null;
        h_min: number | null;
        h_max: number | null;
      }>(
        db,
        sql`with series as (
              select generate_series(
                ${bucketOf(local(fromAt), width)},
                ${bucketOf(local(lastAt), width)},
                cast(${widthInterval[width]} as interval)
              ) as bucket
            ),
            summary as (
              select ${bucketOf(local(sql`ts`), width)} as bucket, count(*)::int as n,
                avg(temperature) as t_avg, min(temperature) as t_min, max(temperature) as t_max,
                avg(humidity) as h_avg, min(humidity) as h_min, max(humidity) as h_max
              from telemetry.readings
              where device_id = ${deviceId}::uuid and ts >= ${fromAt} and ts < ${to.toISOString()}::timestamptz
              group by 1
            )
            select (extract(epoch from (s.bucket at time zone ${timeZone})) * 1000)::float8 as ms,
              coalesce(m.n, 0) as n, m.t_avg, m.t_min, m.t_max, m.h_avg, m.h_min, m.h_max
            from series s left join summary m on m.bucket = s.bucket
            order by s.bucket`,
      );
      return rows.map(
        (r): Bucket => ({
          start: new Date(r.ms),
          count: r.n,
          temperature: { avg: r.t_avg, min: r.t_min, max: r.t_max },
          humidity: { avg: r.h_avg, min: r.h_min, max: r.h_max },
        }),
      );
    },
  };
}

/**
 * Deletes up to `limit` readings older than `before`, of any device; returns
 * how many. Bounded, so a retention run after a long pause holds no lock for
 * long; the caller repeats until a batch comes back short. (DynamoDB's
 * readings expire by their TTL attribute instead.)
 */
export async function pruneReadings(db: DatabaseOrTransaction, params: { before: Date; limit: number }) {
  const rows = await sqlRows<{ n: number }>(
    db,
    sql`with doomed as (
          select ctid from telemetry.readings where ts < ${params.before.toISOString()}::timestamptz limit ${params.limit}
        ),
        deleted as (delete from telemetry.readings where ctid in (select ctid from doomed) returning 1)
        select count(*)::int as n from deleted`,
  );
  return rows[0]?.n ?? 0;
}
