import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bucket, Reading, ReadingsStore } from './ports.js';

/**
 * What every readings store does, whatever holds the rows: the PostgreSQL
 * adapter runs it on PGlite and on the real server (readings-store.test.ts);
 * a DynamoDB adapter runs the same suite against an emulator. Devices are
 * fresh random ids, so the suite needs nothing but an empty store.
 */
export function describeReadingsStore(
  name: string,
  open: () => Promise<{ store: ReadingsStore; close(): Promise<void> }>,
) {
  describe(`readings store contract: ${name}`, () => {
    let store: ReadingsStore;
    let close: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      ({ store, close } = await open());
    });
    afterAll(async () => {
      await close?.();
    });

    const base = Date.parse('2026-11-30T14:00:00.000Z'); // 23:00 in Tokyo
    const at = (minutes: number) => new Date(base + minutes * 60_000);
    const reading = (minutes: number, temperature = 5, humidity = 60, status = 'ok'): Reading => ({
      ts: at(minutes),
      temperature,
      humidity,
      status,
    });
    const device = () => crypto.randomUUID();

    it('stores new readings, and a reading at an instant the device already has is a duplicate that changes nothing', async () => {
      const id = device();
      expect(await store.append({ deviceId: id, readings: [reading(0), reading(1)] })).toEqual({
        accepted: 2,
        duplicates: 0,
      });
      // Stored before (other values: the first stays) and twice in this batch (the first of them wins).
      const again = await store.append({
        deviceId: id,
        readings: [reading(1, 99, 1, 'error'), reading(2, 7), reading(2, 8), reading(3)],
      });
      expect(again).toEqual({ accepted: 2, duplicates: 2 });
      const page = await store.list({ deviceId: id, from: at(0), to: at(10), limit: 100 });
      expect(page.items).toEqual([reading(0), reading(1), reading(2, 7), reading(3)]);
      expect(await store.append({ deviceId: id, readings: [] })).toEqual({ accepted: 0, duplicates: 0 });
    });

    it('keeps every instant to the millisecond: readings 1 ms apart are two, and come back exactly', async () => {
      const id = device();
      // Across a second and a year's boundary, and far from the epoch's round numbers.
      const instants = [
        '2026-12-31T23:59:59.998Z',
        '2026-12-31T23:59:59.999Z',
        '2027-01-01T00:00:00.000Z',
        '2027-01-01T00:00:00.001Z',
        '2026-11-30T14:00:00.123Z',
        '2026-11-30T14:00:00.124Z',
      ].map((ts) => new Date(ts));
      const batch = instants.map((ts, i) => ({ ts, temperature: 5 + i / 100, humidity: 60.05, status: 'ok' }));
      expect(await store.append({ deviceId: id, readings: batch })).toEqual({ accepted: 6, duplicates: 0 });
      expect(await store.append({ deviceId: id, readings: batch })).toEqual({ accepted: 0, duplicates: 6 });
      const page = await store.list({
        deviceId: id,
        from: instants[4] as Date,
        to: new Date('2027-01-02'),
        limit: 100,
      });
      expect(page.items).toEqual([...batch.slice(4), ...batch.slice(0, 4)]);
    });

    it('keeps each device’s readings apart: the same instant on two devices is two readings', async () => {
      const [a, b] = [device(), device()];
      await store.append({ deviceId: a, readings: [reading(0, 1)] });
      expect(await store.append({ deviceId: b, readings: [reading(0, 2)] })).toEqual({ accepted: 1, duplicates: 0 });
      const latest = await store.latest({ deviceIds: [a, b, device()] });
      expect(latest).toEqual(
        new Map([
          [a, reading(0, 1)],
          [b, reading(0, 2)],
        ]),
      );
    });

    it('answers each device’s newest reading, not the last written (a late one is older)', async () => {
      const id = device();
      await store.append({ deviceId: id, readings: [reading(5, 6)] });
      await store.append({ deviceId: id, readings: [reading(1, 2)] });
      expect((await store.latest({ deviceIds: [id] })).get(id)).toEqual(reading(5, 6));
      expect(await store.latest({ deviceIds: [] })).toEqual(new Map());
    });

    it('lists a range [from, to) oldest first, a page at a time, losing and repeating nothing', async () => {
      const id = device();
      await store.append({ deviceId: id, readings: Array.from({ length: 25 }, (_, i) => reading(i, i)) });
      const seen: Reading[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.list({ deviceId: id, from: at(3), to: at(20), cursor, limit: 5 });
        seen.push(...page.items);
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(4);
      expect(seen.map((r) => r.temperature)).toEqual(Array.from({ length: 17 }, (_, i) => i + 3));
    });

    it('summarises buckets with count/avg/min/max per metric, keeps empty buckets, and takes a late reading in', async () => {
      const id = device();
      await store.append({
        deviceId: id,
        readings: [reading(0, 4, 50), reading(1, 6, 70), reading(4, 10, 60), reading(20, 3, 40)],
      });
      const ask = () => store.buckets({ deviceId: id, from: at(0), to: at(30), width: '5m', timeZone: 'Asia/Tokyo' });
      const first = await ask();
      expect(first.map((b) => [b.start.toISOString(), b.count])).toEqual([
        [at(0).toISOString(), 3],
        [at(5).toISOString(), 0],
        [at(10).toISOString(), 0],
        [at(15).toISOString(), 0],
        [at(20).toISOString(), 1],
        [at(25).toISOString(), 0],
      ]);
      expect(first[0]).toEqual<Bucket>({
        start: at(0),
        count: 3,
        temperature: { avg: 20 / 3, min: 4, max: 10 },
        humidity: { avg: 60, min: 50, max: 70 },
      });
      expect(first[1]?.temperature).toEqual({ avg: null, min: null, max: null });
      // Arriving late, and into an empty bucket.
      await store.append({ deviceId: id, readings: [reading(11, 12, 80)] });
      const second = await ask();
      expect(second[2]).toMatchObject({ count: 1, temperature: { avg: 12, min: 12, max: 12 } });
      expect(second.map((b) => b.count)).toEqual([3, 0, 1, 0, 1, 0]);
    });

    it('takes a late reading into its whole hour and day buckets, and a refused repeat into none', async () => {
      const id = device();
      // Whole Tokyo days and hours, so a store that keeps rollups answers from them.
      const dayStart = Date.parse('2026-11-30T15:00:00.000Z');
      const hour = (h: number, minute: number, temperature: number): Reading => ({
        ts: new Date(dayStart + h * 3_600_000 + minute * 60_000),
        temperature,
        humidity: 50 + h,
        status: 'ok',
      });
      await store.append({ deviceId: id, readings: [hour(0, 5, 4), hour(0, 50, 6), hour(2, 0, 8)] });
      const ask = (width: '1h' | '1d') =>
        store.buckets({
          deviceId: id,
          from: new Date(dayStart),
          to: new Date(dayStart + (width === '1h' ? 4 : 48) * 3_600_000),
          width,
          timeZone: 'Asia/Tokyo',
        });
      expect((await ask('1h')).map((b) => b.count)).toEqual([2, 0, 1, 0]);
      // Late, into the empty hour 1 and into hour 0 (a new minimum); then a repeat of hour 2 with other values.
      await store.append({ deviceId: id, readings: [hour(1, 30, 10), hour(0, 20, -2)] });
      expect(await store.append({ deviceId: id, readings: [hour(2, 0, 40)] })).toEqual({ accepted: 0, duplicates: 1 });
      const hours = await ask('1h');
      expect(hours.map((b) => [b.count, b.temperature.min, b.temperature.max])).toEqual([
        [3, -2, 6],
        [1, 10, 10],
        [1, 8, 8],
        [0, null, null],
      ]);
      expect(hours[0]?.temperature.avg).toBeCloseTo(8 / 3, 10);
      const days = await ask('1d');
      expect(days).toEqual<Bucket[]>([
        {
          start: new Date(dayStart),
          count: 5,
          temperature: { avg: expect.closeTo(26 / 5, 10), min: -2, max: 10 },
          humidity: { avg: expect.closeTo((50 + 50 + 50 + 51 + 52) / 5, 10), min: 50, max: 52 },
        },
        {
          start: new Date(dayStart + 86_400_000),
          count: 0,
          temperature: { avg: null, min: null, max: null },
          humidity: { avg: null, min: null, max: null },
        },
      ]);
    });

    it('cuts day buckets at midnight in the asked time zone (Tokyo: 15:00 UTC)', async () => {
      const id = device();
      // 22:00, 23:59 and 00:01 (next day) in Tokyo; then 08:00 the day after.
      await store.append({
        deviceId: id,
        readings: [reading(-60, 1), reading(59, 2), reading(61, 3), reading(60 * 18, 4)],
      });
      const days = await store.buckets({
        deviceId: id,
        from: new Date('2026-11-30T00:00:00Z'),
        to: new Date('2026-12-02T15:00:00Z'),
        width: '1d',
        timeZone: 'Asia/Tokyo',
      });
      expect(days.map((b) => [b.start.toISOString(), b.count, b.temperature.max])).toEqual([
        ['2026-11-29T15:00:00.000Z', 2, 2],
        ['2026-11-30T15:00:00.000Z', 2, 4],
        ['2026-12-01T15:00:00.000Z', 0, null],
      ]);
      const utcDays = await store.buckets({
        deviceId: id,
        from: new Date('2026-11-30T00:00:00Z'),
        to: new Date('2026-12-02T00:00:00Z'),
        width: '1d',
        timeZone: 'UTC',
      });
      expect(utcDays.map((b) => b.count)).toEqual([3, 1]);
    });

    it('loses and doubles nothing when devices append overlapping batches at the same time', {
      timeout: 120_000,
    }, async () => {
      const ids = [device(), device(), device(), device()];
      // Each device: 8 batches of 50, each overlapping the previous by 25 and sent twice, all at once.
      const batches = ids.flatMap((id) =>
        Array.from({ length: 8 }, (_, b) => ({
          deviceId: id,
          readings: Array.from({ length: 50 }, (_, i) => reading(b * 25 + i, b)),
        })),
      );
      const results = await Promise.all([...batches, ...batches].map((batch) => store.append(batch)));
      const accepted = results.reduce((sum, r) => sum + r.accepted, 0);
      const duplicates = results.reduce((sum, r) => sum + r.duplicates, 0);
      const distinctPerDevice = 7 * 25 + 50;
      expect(accepted).toBe(ids.length * distinctPerDevice);
      expect(accepted + duplicates).toBe(2 * 8 * 50 * ids.length);
      for (const id of ids) {
        const [day] = await store.buckets({
          deviceId: id,
          from: at(-60),
          to: at(24 * 60 - 60),
          width: '1d',
          timeZone: 'UTC',
        });
        expect(day?.count).toBe(distinctPerDevice);
      }
    });
  });
}
