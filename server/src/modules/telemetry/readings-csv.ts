import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { ReadingsStore } from './ports.js';

/** Rows fetched per step while streaming: memory stays flat however long the range. */
const pageSize = 1_000;

/** Wall-clock time in the zone as "YYYY-MM-DD HH:MM:SS.mmm", which Excel reads as a date and time. */
function localTime(timeZone: string) {
  const format = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return (instant: Date) => `${format.format(instant)}.${String(instant.getUTCMilliseconds()).padStart(3, '0')}`;
}

async function* readingRecords(
  store: ReadingsStore,
  params: { deviceId: string; from: Date; to: Date; timeZone: string },
) {
  const formatTime = localTime(params.timeZone);
  let cursor: string | undefined;
  for (;;) {
    const page = await store.list({ ...params, cursor, limit: pageSize });
    for (const r of page.items) yield [formatTime(r.ts), r.temperature, r.humidity, r.status, r.ts.toISOString()];
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

/**
 * A device's readings in a range as CSV, streamed a page at a time: UTF-8
 * with a BOM and CRLF line ends, so Excel in Japan opens it with the Japanese
 * intact; the first column is the wall clock of `timeZone`, the last the UTC
 * instant for machines.
 */
export function exportReadingsCsv(
  store: ReadingsStore,
  params: { deviceId: string; from: Date; to: Date; timeZone: string },
): Readable {
  const csv = stringify({
    header: true,
    columns: [`時刻 time (${params.timeZone})`, '温度 temperature °C', '湿度 humidity %RH', 'status', 'ts (UTC)'],
    bom: true,
    record_delimiter: 'windows',
  });
  const records = Readable.from(readingRecords(store, params));
  records.on('error', (err) => csv.destroy(err));
  return records.pipe(csv);
}
