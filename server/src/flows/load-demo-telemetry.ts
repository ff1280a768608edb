import { demoDevices, demoHistory } from '../../demo/storehouse-climate.js';
import { createDevices, type Reading, type ReadingsStore } from '../modules/telemetry/public.js';
import type { Database } from '../platform/db/database.js';
import { claimSeedRun } from '../platform/db/seeds.js';

const seedName = 'demo-telemetry-v1';
/** Several days, so the 7-day chart is full and the 30-day one shows where the history begins. */
export const demoHistoryDays = 7;
/** Who "registered" the demo sensors: nobody (the nil UUID), as the audit log would say. */
const loader = '00000000-0000-0000-0000-000000000000';
/**
 * Readings per append: one statement each. The ingest contract caps a device's
 * request at 500; a loader writing its own history needs no such cap, and
 * fewer, bigger statements are what keeps the first start fast.
 */
const chunk = 10_000;

export type DemoTelemetryResult = { loaded: boolean; devices: number; readings: number };

/**
 * The demo storehouse's sensors with a week of history up to `now`: loaded
 * once per database (a marker row), like the catalog. The devices get no key:
 * `npm run devices` rotates one for each it drives, so no secret is ever
 * written down.
 */
export async function loadDemoTelemetry(options: {
  db: Database;
  readings: ReadingsStore;
  now?: Date;
}): Promise<DemoTelemetryResult> {
  const now = options.now ?? new Date();
  const created = await options.db.transaction(async (tx) => {
    if (!(await claimSeedRun(tx, seedName))) return undefined;
    return createDevices(tx, {
      createdBy: loader,
      // In list order: the list sorts by registration.
      devices: demoDevices.map((d, i) => ({
        nameJa: d.nameJa,
        nameEn: d.nameEn,
        location: d.location,
        kind: d.kind,
        reportingIntervalSeconds: d.reportingIntervalSeconds,
        createdAt: new Date(now.getTime() - demoHistoryDays * 86_400_000 - (demoDevices.length - i) * 1000),
      })),
    });
  });
  if (!created) return { loaded: false, devices: 0, readings: 0 };

  // After the devices commit: the readings store may live elsewhere (DynamoDB on AWS).
  let total = 0;
  for (const [i, device] of demoDevices.entries()) {
    const row = created[i];
    if (!row) throw new Error(`demo device ${device.key} was not created`);
    const history: Reading[] = demoHistory(device, { end: now, days: demoHistoryDays });
    for (let start = 0; start < history.length; start += chunk) {
      const { accepted } = await options.readings.append({
        deviceId: row.id,
        readings: history.slice(start, start + chunk),
      });
      total += accepted;
    }
  }
  return { loaded: true, devices: created.length, readings: total };
}
