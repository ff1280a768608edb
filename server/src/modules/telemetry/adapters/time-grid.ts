import type { BucketWidth } from '../ports.js';

/**
 * Time buckets on a zone's wall clock, computed in JavaScript for stores that
 * cannot do it in SQL (DynamoDB): the same grid as the PostgreSQL adapter's
 * date_bin/date_trunc on `ts at time zone Z` — days from local midnight,
 * shorter widths from a local midnight — each bucket as UTC [start, end).
 */

export type GridBucket = { start: number; end: number };

const widthMs: Record<BucketWidth, number> = { '1m': 60_000, '5m': 300_000, '1h': 3_600_000, '1d': 86_400_000 };
/** A bound on one answer (30 days of minutes is 43,200). */
const maxBuckets = 100_000;

const formats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in ms (Tokyo: +9 h). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  const part: Record<string, number> = {};
  for (const p of format.formatToParts(ms)) if (p.type !== 'literal') part[p.type] = Number(p.value);
  const wall = Date.UTC(
    part.year ?? 1970,
    (part.month ?? 1) - 1,
    part.day ?? 1,
    part.hour ?? 0,
    part.minute ?? 0,
    part.second ?? 0,
  );
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The instant a wall-clock time (as UTC-epoch ms of the wall reading) is in the zone. */
function fromWall(wall: number, timeZone: string): number {
  const guess = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(guess, timeZone);
}

/** Every bucket of `width` that [from, to) touches, in order. */
export function bucketGrid(params: { from: number; to: number; width: BucketWidth; timeZone: string }): GridBucket[] {
  const { from, to, width, timeZone } = params;
  if (to <= from) return [];
  const w = widthMs[width];
  const wallOf = (ms: number) => ms + zoneOffsetMs(ms, timeZone);
  const first = Math.floor(wallOf(from) / w) * w;
  const last = Math.floor(wallOf(to - 1) / w) * w;
  if ((last - first) / w >= maxBuckets) throw new RangeError(`more than ${maxBuckets} buckets of ${width}`);
  const grid: GridBucket[] = [];
  for (let wall = first; wall <= last; wall += w) {
    grid.push({ start: fromWall(wall, timeZone), end: fromWall(wall + w, timeZone) });
  }
  return grid;
}
