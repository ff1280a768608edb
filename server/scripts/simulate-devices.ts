import { parseArgs } from 'node:util';
import { z } from 'zod';
import { hashSeed } from '../demo/prng.js';
import { type ClimateProfile, createClimate, demoDevices } from '../demo/storehouse-climate.js';
import { createOidcTestClient } from '../src/modules/identity/public.js';
import { startToolTracing } from '../src/platform/observability/tool-tracing.js';

/**
 * `npm run devices`: storehouse sensors posting to a running Kura through the
 * real device API (POST /ingest/v1/readings), as the hardware would. It signs
 * in as staff with the local provider, takes over the demo sensors (and
 * registers more when asked for more), rotates a key for each, and posts
 * readings with a daily cycle, noise, door openings, now and then a breach;
 * one sensor falls silent part-way. The keys live in this process's memory
 * only: nothing prints or stores them (prefixes only).
 */

const usage = `usage: npm run devices -- [--url http://localhost:3000] [--count 6] [--every 5] [--duration 600]
                           [--breach-every 180] [--silent-after 120] [--backfill-hours 6]
                           [--email staff@kura.local] [--password kura-demo-1234] [--otlp-url http://127.0.0.1:3000]
  --count         sensors to drive: the demo ones first, more are registered (named シミュレーター n)
  --every         seconds between one sensor's reports (the rate; the demo sensors report every 60–300 s in life)
  --duration      seconds to run (at most a day); Ctrl-C stops sooner
  --breach-every  on average, seconds between breaches (a fridge warming well past its range); 0 for none
  --silent-after  seconds after which one sensor stops reporting; 0 for never
  --backfill-hours  first post what each sensor missed since its last reading, up to this many hours, 500 a request
  --otlp-url      a Kura whose OTLP receiver takes this tool's spans (each post a span, the ingest under it), sent
                  with the staff sign-in (or KURA_OTLP_TOKEN, a service token with otlp:write); default KURA_OTLP_URL`;

const optionsSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  count: z.coerce.number().int().min(1).max(200),
  every: z.coerce.number().min(1).max(3600),
  duration: z.coerce.number().int().min(1).max(86_400),
  breachEvery: z.coerce.number().min(0).max(86_400),
  silentAfter: z.coerce.number().min(0).max(86_400),
  backfillHours: z.coerce.number().min(0).max(72),
  email: z.email(),
  password: z.string().min(1),
  otlpUrl: z.url({ protocol: /^https?$/ }).optional(),
});

const deviceListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      nameJa: z.string(),
      location: z.string(),
      kind: z.string(),
      reportingIntervalSeconds: z.number(),
      enabled: z.boolean(),
      latest: z.object({ ts: z.string() }).nullable(),
    }),
  ),
});
const issuedKeySchema = z.object({
  device: z.object({ id: z.uuid() }),
  key: z.string(),
  keyInfo: z.object({ prefix: z.string() }),
});
const ingestAnswerSchema = z.object({ accepted: z.number(), duplicates: z.number(), rejected: z.array(z.unknown()) });

const say = (line: string) => process.stdout.write(`devices: ${line}\n`);

type Sensor = {
  id: string;
  name: string;
  key: string;
  climate: ReturnType<typeof createClimate>;
  intervalSeconds: number;
  silent: boolean;
};

function readOptions() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: process.env.KURA_URL ?? 'http://localhost:3000' },
      count: { type: 'string', default: String(demoDevices.length) },
      every: { type: 'string', default: '5' },
      duration: { type: 'string', default: '600' },
      'breach-every': { type: 'string', default: '180' },
      'silent-after': { type: 'string', default: '120' },
      'backfill-hours': { type: 'string', default: '6' },
      email: { type: 'string', default: 'staff@kura.local' },
      password: { type: 'string', default: 'kura-demo-1234' },
      'otlp-url': { type: 'string', default: process.env.KURA_OTLP_URL },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  const parsed = optionsSchema.safeParse({
    ...values,
    breachEvery: values['breach-every'],
    silentAfter: values['silent-after'],
    backfillHours: values['backfill-hours'],
    otlpUrl: values['otlp-url'],
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    process.stderr.write(
      `devices: --${String(issue?.path[0] ?? 'option')} ${issue?.message ?? 'is invalid'}\n${usage}\n`,
    );
    process.exit(2);
  }
  return parsed.data;
}

async function main() {
  const options = readOptions();
  const origin = new URL(options.url).origin;
  const stop = new AbortController();
  process.on('SIGINT', () => stop.abort());
  process.on('SIGTERM', () => stop.abort());

  // Started together with `npm start`, it waits for Kura to finish starting (a minute at most).
  for (let waited = 0; ; waited++) {
    const ready = await fetch(`${origin}/ready`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (waited === 0) say(`waiting for Kura at ${origin}…`);
    if (waited >= 60 || stop.signal.aborted) throw new Error(`Kura at ${origin} was not ready within a minute`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  say(`signing in to ${origin} as ${options.email}`);
  const tokens = await createOidcTestClient({ origin }).signIn(options.email, options.password);
  const tracing = startToolTracing({
    serviceName: 'kura-devices',
    otlpUrl: options.otlpUrl,
    token: process.env.KURA_OTLP_TOKEN ?? tokens.access_token,
  });
  if (options.otlpUrl) say(`sending spans to ${new URL(options.otlpUrl).origin}/v1/traces`);
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${tokens.access_token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as unknown;
  };

  // Only sensors this tool owns: the demo storehouse's and the ones it registered. A real sensor is never touched.
  const listed = deviceListSchema.parse(await api('GET', '/api/telemetry/devices?limit=100')).items;
  const demoByLocation = new Map(demoDevices.map((d) => [d.location, d]));
  const ours = listed.filter(
    (d) => d.enabled && (demoByLocation.has(d.location) || d.nameJa.startsWith('シミュレーター')),
  );
  const chosen = ours.slice(0, options.count);
  for (let n = chosen.length + 1; chosen.length < options.count; n++) {
    const registered = issuedKeySchema.parse(
      await api('POST', '/api/staff/telemetry/devices', {
        nameJa: `シミュレーター ${n}`,
        nameEn: `Simulator ${n}`,
        location: '倉庫 試験棚',
        kind: 'warehouse',
        reportingIntervalSeconds: Math.max(10, Math.round(options.every)),
      }),
    );
    chosen.push({
      id: registered.device.id,
      nameJa: `シミュレーター ${n}`,
      location: '倉庫 試験棚',
      kind: 'warehouse',
      reportingIntervalSeconds: Math.max(10, Math.round(options.every)),
      enabled: true,
      latest: null,
    });
    say(`registered シミュレーター ${n} (${registered.device.id})`);
  }

  const fallback = demoDevices.find((d) => d.kind === 'warehouse')?.climate as ClimateProfile;
  const sensors: Sensor[] = [];
  for (const device of chosen) {
    // A fresh key each run; the previous ones keep working for the default grace period.
    const issued = issuedKeySchema.parse(await api('POST', `/api/staff/telemetry/devices/${device.id}/keys`, {}));
    const profile = demoByLocation.get(device.location)?.climate ?? fallback;
    sensors.push({
      id: device.id,
      name: device.nameJa,
      key: issued.key,
      climate: createClimate(profile, {
        seed: hashSeed('simulator', device.id, Date.now()),
        intervalSeconds: options.every,
      }),
      intervalSeconds: device.reportingIntervalSeconds,
      silent: false,
    });
    say(`driving ${device.nameJa} with key ${issued.keyInfo.prefix}… (${device.location})`);
  }

  const totals = { requests: 0, accepted: 0, duplicates: 0, rejected: 0, failed: 0 };
  const post = async (sensor: Sensor, readings: ReturnType<Sensor['climate']['at']>[]) => {
    totals.requests++;
    try {
      const { response, text } = await tracing.traced(
        'send readings',
        { 'kura.device.id': sensor.id, 'kura.readings': readings.length },
        async (traceHeaders) => {
          const response = await fetch(`${origin}/ingest/v1/readings`, {
            method: 'POST',
            headers: { ...traceHeaders, Authorization: `Bearer ${sensor.key}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ readings: readings.map((r) => ({ ...r, ts: r.ts.toISOString() })) }),
            signal: AbortSignal.timeout(15_000),
          });
          return { response, text: await response.text() };
        },
      );
      if (!response.ok) {
        totals.failed++;
        say(`${sensor.name}: ${response.status} ${text.slice(0, 200)}`);
        return;
      }
      const answer = ingestAnswerSchema.parse(JSON.parse(text));
      totals.accepted += answer.accepted;
      totals.duplicates += answer.duplicates;
      totals.rejected += answer.rejected.length;
    } catch (error) {
      totals.failed++;
      say(`${sensor.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  // What each sensor missed while nobody drove it, on its own reporting interval.
  if (options.backfillHours > 0) {
    const now = Date.now();
    for (const [i, sensor] of sensors.entries()) {
      const last = chosen[i]?.latest
        ? Date.parse(chosen[i]?.latest?.ts ?? '')
        : now - options.backfillHours * 3_600_000;
      const from = Math.max(last, now - options.backfillHours * 3_600_000) + sensor.intervalSeconds * 1000;
      const missed = [];
      const climate = createClimate(demoByLocation.get(chosen[i]?.location ?? '')?.climate ?? fallback, {
        seed: hashSeed('backfill', sensor.id),
        intervalSeconds: sensor.intervalSeconds,
      });
      for (let t = from; t < now; t += sensor.intervalSeconds * 1000) missed.push(climate.at(new Date(t)));
      for (let start = 0; start < missed.length; start += 500) await post(sensor, missed.slice(start, start + 500));
      if (missed.length > 0) say(`backfilled ${missed.length} readings for ${sensor.name}`);
    }
  }

  const started = Date.now();
  const deadline = started + options.duration * 1000;
  const silentOne = sensors.at(-1);
  say(
    `posting every ${options.every} s for ${options.duration} s` +
      (options.silentAfter > 0 && silentOne ? `; ${silentOne.name} falls silent after ${options.silentAfter} s` : '') +
      '. Ctrl-C stops.',
  );
  let lastReport = started;
  let reported = { ...totals };
  while (!stop.signal.aborted && Date.now() < deadline) {
    const tick = Date.now();
    const elapsed = (tick - started) / 1000;
    if (silentOne && options.silentAfter > 0 && elapsed >= options.silentAfter && !silentOne.silent) {
      silentOne.silent = true;
      say(`${silentOne.name} fell silent (its battery ran out)`);
    }
    if (options.breachEvery > 0 && Math.random() < options.every / options.breachEvery) {
      const victim = sensors[Math.floor(Math.random() * sensors.length)];
      if (victim && !victim.silent) {
        victim.climate.startBreach();
        say(`${victim.name}: a breach begins (the door was left open)`);
      }
    }
    await Promise.all(sensors.filter((s) => !s.silent).map((s) => post(s, [s.climate.at(new Date())])));
    if (tick - lastReport >= 10_000) {
      const d = (k: keyof typeof totals) => totals[k] - reported[k];
      say(
        `+${Math.round(elapsed)} s: ${d('requests')} requests, ${d('accepted')} accepted, ${d('duplicates')} duplicates, ` +
          `${d('rejected')} rejected, ${d('failed')} failed`,
      );
      reported = { ...totals };
      lastReport = tick;
    }
    const wait = Math.max(0, tick + options.every * 1000 - Date.now());
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.min(wait, deadline - Date.now()));
      stop.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  await tracing.shutdown();
  say(
    `done: ${totals.requests} requests, ${totals.accepted} readings accepted, ${totals.duplicates} duplicates, ` +
      `${totals.rejected} rejected, ${totals.failed} failed`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`devices failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
