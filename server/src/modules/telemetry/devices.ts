import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../../platform/db/database.js';
import { keyset } from '../../platform/db/keyset.js';
import { addDeviceKey, listDeviceKeys, replaceDeviceKeys, revokeDeviceKeys } from './device-keys.js';
import type { RecordAudit } from './ports.js';
import { type DeviceKind, type DeviceRow, devices } from './schema.js';

export type DeviceInput = {
  nameJa: string;
  nameEn: string;
  location: string;
  kind: DeviceKind;
  reportingIntervalSeconds: number;
};

/** What the audit log keeps of a device: everything staff can change. */
const audited = (row: DeviceRow) => ({
  nameJa: row.nameJa,
  nameEn: row.nameEn,
  location: row.location,
  kind: row.kind,
  reportingIntervalSeconds: row.reportingIntervalSeconds,
  enabled: row.enabled,
});

/** A new device with its first key: created and audited in one transaction. */
export async function registerDevice(
  db: Database,
  params: { input: DeviceInput; actorId: string; recordAudit: RecordAudit },
) {
  return db.transaction(async (tx) => {
    const [device] = await tx
      .insert(devices)
      .values({ ...params.input, createdBy: params.actorId })
      .returning();
    if (!device) throw new Error('device insert returned nothing');
    const { key, secret } = await addDeviceKey(tx, { deviceId: device.id });
    await params.recordAudit(tx, {
      actorId: params.actorId,
      action: 'telemetry_device.registered',
      subjectType: 'telemetry_device',
      subjectId: device.id,
      after: { ...audited(device), keyPrefix: key.prefix },
    });
    return { device, key, secret };
  });
}

/**
 * Devices for a one-time load (the demo storehouse), without keys or audit
 * entries: no person registered them, and a key nobody saw is no use. Staff
 * register through `registerDevice`; a loaded device gets a key by rotation.
 */
export async function createDevices(
  db: DatabaseOrTransaction,
  params: { devices: readonly (DeviceInput & { createdAt?: Date })[]; createdBy: string },
): Promise<DeviceRow[]> {
  if (params.devices.length === 0) return [];
  return db
    .insert(devices)
    .values(params.devices.map((d) => ({ ...d, createdBy: params.createdBy })))
    .returning();
}

/** Changes a device's description or enables/disables it; undefined when there is no such device. */
export async function changeDevice(
  db: Database,
  params: {
    deviceId: string;
    patch: Partial<DeviceInput> & { enabled?: boolean };
    actorId: string;
    recordAudit: RecordAudit;
  },
) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(devices).where(eq(devices.id, params.deviceId)).for('update');
    if (!before) return undefined;
    const [after] = await tx
      .update(devices)
      .set({ ...params.patch, updatedAt: sql`now()` })
      .where(eq(devices.id, params.deviceId))
      .returning();
    if (!after) throw new Error('device update returned nothing');
    const action =
      params.patch.enabled === false && before.enabled
        ? 'telemetry_device.disabled'
        : params.patch.enabled === true && !before.enabled
          ? 'telemetry_device.enabled'
          : 'telemetry_device.changed';
    await params.recordAudit(tx, {
      actorId: params.actorId,
      action,
      subjectType: 'telemetry_device',
      subjectId: after.id,
      before: audited(before),
      after: audited(after),
    });
    return after;
  });
}

/** A new key for the device; the old ones work for `graceSeconds` more. Undefined when there is no such device. */
export async function rotateDeviceKey(
  db: Database,
  params: { deviceId: string; graceSeconds: number; now: Date; actorId: string; recordAudit: RecordAudit },
) {
  return db.transaction(async (tx) => {
    // The row lock orders concurrent rotations of one device, so each sees the other's key.
    const [device] = await tx.select().from(devices).where(eq(devices.id, params.deviceId)).for('update');
    if (!device) return undefined;
    const rotated = await replaceDeviceKeys(tx, params);
    await params.recordAudit(tx, {
      actorId: params.actorId,
      action: 'telemetry_device.key_rotated',
      subjectType: 'telemetry_device',
      subjectId: device.id,
      before: { liveKeys: rotated.expiring.map((k) => k.prefix) },
      after: {
        keyPrefix: rotated.key.prefix,
        expiring: rotated.expiring.map((k) => ({ prefix: k.prefix, expiresAt: k.expiresAt?.toISOString() })),
      },
    });
    return { ...rotated, device };
  });
}

/** Every key of the device stops working now. Undefined when there is no such device. */
export async function revokeAllDeviceKeys(
  db: Database,
  params: { deviceId: string; now: Date; actorId: string; recordAudit: RecordAudit },
) {
  return db.transaction(async (tx) => {
    const [device] = await tx.select().from(devices).where(eq(devices.id, params.deviceId)).for('update');
    if (!device) return undefined;
    const revoked = await revokeDeviceKeys(tx, params);
    await params.recordAudit(tx, {
      actorId: params.actorId,
      action: 'telemetry_device.keys_revoked',
      subjectType: 'telemetry_device',
      subjectId: device.id,
      after: { revoked },
    });
    return { revoked };
  });
}

/** Whether the device exists: the readings routes need no more of it. */
export async function deviceExists(db: DatabaseOrTransaction, params: { deviceId: string }): Promise<boolean> {
  const [row] = await db.select({ id: devices.id }).from(devices).where(eq(devices.id, params.deviceId)).limit(1);
  return row !== undefined;
}

export async function findDevice(db: DatabaseOrTransaction, params: { deviceId: string }) {
  const [device] = await db.select().from(devices).where(eq(devices.id, params.deviceId));
  if (!device) return undefined;
  return { device, keys: await listDeviceKeys(db, params) };
}

/** Devices in the order they were registered, a page at a time. */
export async function listDevices(db: DatabaseOrTransaction, params: { cursor?: string | undefined; limit: number }) {
  const paging = keyset(
    {
      sort: 'registered',
      keys: [{ column: devices.createdAt, kind: 'instant', direction: 'asc' }],
      id: { column: devices.id, kind: 'uuid', direction: 'asc' },
    },
    params.cursor,
  );
  const rows = await db
    .select({ ...getTableColumns(devices), ...paging.select })
    .from(devices)
    .where(paging.after)
    .orderBy(...paging.orderBy)
    .limit(params.limit + 1);
  return paging.page(rows, params.limit);
}
