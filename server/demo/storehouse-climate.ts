import { createRandom, hashSeed, type Random } from './prng.js';

/**
 * The demo storehouse's sensors and the weather inside them: one model for the
 * history loaded at first start and for the live readings `npm run devices`
 * posts, so both look alike on the charts.
 */

export type ClimateProfile = {
  /** Mean °C and %RH the room is kept at. */
  temperature: number;
  humidity: number;
  /** Half the day's swing: warmest mid-afternoon, coolest before dawn (Tokyo time). */
  dailySwing: { temperature: number; humidity: number };
  /** Sensor noise, one standard deviation. */
  noise: { temperature: number; humidity: number };
  /** Door openings a day; each lets warm, damp air in for a few minutes. */
  doorOpeningsPerDay: number;
  doorSpike: { temperature: number; humidity: number };
  /** Breaches a day (a compressor trips, a window left open): a slow climb well past the usual range. */
  breachesPerDay: number;
  breachRise: { temperature: number; humidity: number };
};

export type DemoDevice = {
  /** Stable across runs: the simulator finds the demo devices by it. */
  key: string;
  nameJa: string;
  nameEn: string;
  location: string;
  kind: 'fridge' | 'cellar' | 'warehouse' | 'freezer' | 'shop_floor';
  reportingIntervalSeconds: number;
  climate: ClimateProfile;
  /** Stopped reporting this long before the history ends (its battery ran out), so one device shows as silent. */
  silentForMinutes?: number;
  /** A radio outage in the history: [start, end) in hours before its end; the chart shows the hole. */
  outageHoursAgo?: readonly [number, number];
};

const fridge: ClimateProfile = {
  temperature: 4.5,
  humidity: 62,
  dailySwing: { temperature: 0.4, humidity: 3 },
  noise: { temperature: 0.12, humidity: 0.8 },
  doorOpeningsPerDay: 14,
  doorSpike: { temperature: 2.6, humidity: 9 },
  breachesPerDay: 0.25,
  breachRise: { temperature: 5.5, humidity: 6 },
};

export const demoDevices: readonly DemoDevice[] = [
  {
    key: 'kura1-fridge',
    nameJa: '蔵1 冷蔵庫（生酒）',
    nameEn: 'Storehouse 1 fridge (unpasteurised sake)',
    location: '蔵1 冷蔵庫',
    kind: 'fridge',
    reportingIntervalSeconds: 60,
    climate: fridge,
    outageHoursAgo: [50, 48],
  },
  {
    key: 'kura1-freezer',
    nameJa: '蔵1 冷凍庫（わらび餅）',
    nameEn: 'Storehouse 1 freezer (warabi-mochi)',
    location: '蔵1 冷凍庫',
    kind: 'freezer',
    reportingIntervalSeconds: 60,
    climate: {
      ...fridge,
      temperature: -18.5,
      humidity: 70,
      doorOpeningsPerDay: 6,
      doorSpike: { temperature: 4, humidity: 8 },
      breachesPerDay: 0.1,
      breachRise: { temperature: 8, humidity: 5 },
    },
  },
  {
    key: 'kura2-cellar',
    nameJa: '蔵2 セラー（日本酒・味醂）',
    nameEn: 'Storehouse 2 cellar (sake and mirin)',
    location: '蔵2 セラー',
    kind: 'cellar',
    reportingIntervalSeconds: 300,
    climate: {
      temperature: 12.5,
      humidity: 72,
      dailySwing: { temperature: 0.6, humidity: 2 },
      noise: { temperature: 0.1, humidity: 0.6 },
      doorOpeningsPerDay: 4,
      doorSpike: { temperature: 1.5, humidity: 5 },
      breachesPerDay: 0.1,
      breachRise: { temperature: 5, humidity: 6 },
    },
  },
  {
    key: 'kura2-miso',
    nameJa: '蔵2 味噌蔵',
    nameEn: 'Storehouse 2 miso room',
    location: '蔵2 味噌蔵',
    kind: 'cellar',
    reportingIntervalSeconds: 300,
    climate: {
      temperature: 16,
      humidity: 68,
      dailySwing: { temperature: 1.4, humidity: 4 },
      noise: { temperature: 0.15, humidity: 0.9 },
      doorOpeningsPerDay: 3,
      doorSpike: { temperature: 1.2, humidity: 4 },
      breachesPerDay: 0.05,
      breachRise: { temperature: 6, humidity: 8 },
    },
  },
  {
    key: 'souko-tea',
    nameJa: '倉庫 茶・乾物棚',
    nameEn: 'Warehouse tea and dried-goods shelves',
    location: '倉庫 A棚',
    kind: 'warehouse',
    reportingIntervalSeconds: 300,
    climate: {
      temperature: 19,
      humidity: 48,
      dailySwing: { temperature: 2.5, humidity: 6 },
      noise: { temperature: 0.2, humidity: 1.2 },
      doorOpeningsPerDay: 8,
      doorSpike: { temperature: 1.8, humidity: 7 },
      breachesPerDay: 0.1,
      breachRise: { temperature: 4, humidity: 14 },
    },
  },
  {
    key: 'souko-dock',
    nameJa: '倉庫 搬入口',
    nameEn: 'Warehouse loading dock',
    location: '倉庫 搬入口',
    kind: 'warehouse',
    reportingIntervalSeconds: 300,
    climate: {
      temperature: 14,
      humidity: 60,
      dailySwing: { temperature: 4, humidity: 10 },
      noise: { temperature: 0.3, humidity: 1.5 },
      doorOpeningsPerDay: 20,
      doorSpike: { temperature: 3, humidity: 8 },
      breachesPerDay: 0,
      breachRise: { temperature: 0, humidity: 0 },
    },
    silentForMinutes: 95,
  },
];

export type ClimateReading = { ts: Date; temperature: number; humidity: number; status: 'ok' | 'door_open' | 'warn' };

/** Tokyo is UTC+9 all year: the hour of day the swing follows. */
const tokyoOffsetMs = 9 * 3_600_000;
const dayMs = 86_400_000;

/** Normal noise from the uniform source (Box–Muller). */
function gaussian(random: Random): number {
  const u = Math.max(random.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/**
 * One sensor's readings over time. Keeps the state a room has (a door that is
 * open, a breach that is building up), so call `at` with increasing instants.
 */
export function createClimate(profile: ClimateProfile, options: { seed: number; intervalSeconds: number }) {
  const random = createRandom(options.seed);
  const stepsPerDay = dayMs / (options.intervalSeconds * 1000);
  let doorLeft = 0;
  let breachStep = -1;
  const breachSteps = Math.max(3, Math.round((25 * 60) / options.intervalSeconds));
  return {
    /** Forces a breach to start now (the simulator's "occasional breach" on demand). */
    startBreach() {
      breachStep = 0;
    },
    at(ts: Date): ClimateReading {
      const hour = ((((ts.getTime() + tokyoOffsetMs) % dayMs) + dayMs) % dayMs) / 3_600_000;
      // Warmest at 15:00, coolest at 03:00; damp air follows the warmth.
      const phase = Math.cos(((hour - 15) / 24) * 2 * Math.PI);
      let temperature =
        profile.temperature + profile.dailySwing.temperature * phase + profile.noise.temperature * gaussian(random);
      let humidity = profile.humidity + profile.dailySwing.humidity * phase + profile.noise.humidity * gaussian(random);
      let status: ClimateReading['status'] = 'ok';

      if (doorLeft === 0 && random.chance(profile.doorOpeningsPerDay / stepsPerDay)) {
        doorLeft = Math.max(1, Math.round(180 / options.intervalSeconds));
      }
      if (doorLeft > 0) {
        doorLeft--;
        temperature += profile.doorSpike.temperature * (0.6 + 0.4 * random.next());
        humidity += profile.doorSpike.humidity * (0.6 + 0.4 * random.next());
        status = 'door_open';
      }

      if (breachStep < 0 && random.chance(profile.breachesPerDay / stepsPerDay)) breachStep = 0;
      if (breachStep >= 0) {
        // Up over the first half, back down over the second: a breach that someone fixes.
        const progress = breachStep / breachSteps;
        const shape = progress < 0.5 ? progress * 2 : (1 - progress) * 2;
        temperature += profile.breachRise.temperature * shape;
        humidity += profile.breachRise.humidity * shape;
        if (shape > 0.5) status = 'warn';
        breachStep = breachStep + 1 >= breachSteps ? -1 : breachStep + 1;
      }

      return {
        ts,
        temperature: round(Math.min(85, Math.max(-40, temperature)), 2),
        humidity: round(Math.min(100, Math.max(0, humidity)), 1),
        status,
      };
    },
  };
}

/** The history a demo device would have recorded in (end − days, end], oldest first. */
export function demoHistory(device: DemoDevice, options: { end: Date; days: number }): ClimateReading[] {
  const stepMs = device.reportingIntervalSeconds * 1000;
  // On the device's own grid, so the live simulator continues it without overlap.
  const last = Math.floor(options.end.getTime() / stepMs) * stepMs - (device.silentForMinutes ?? 0) * 60_000;
  const first = Math.floor((options.end.getTime() - options.days * dayMs) / stepMs) * stepMs + stepMs;
  const outage = device.outageHoursAgo?.map((h) => options.end.getTime() - h * 3_600_000);
  const climate = createClimate(device.climate, {
    seed: hashSeed('demo-climate', device.key),
    intervalSeconds: device.reportingIntervalSeconds,
  });
  const readings: ClimateReading[] = [];
  for (let t = first; t <= last; t += stepMs) {
    const reading = climate.at(new Date(t));
    if (outage && t >= (outage[0] ?? 0) && t < (outage[1] ?? 0)) continue;
    readings.push(reading);
  }
  return readings;
}
