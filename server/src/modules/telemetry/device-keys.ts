import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { hashBearerSecret, newBearerSecret } from '../../platform/auth/bearer-secrets.js';
import type { DatabaseOrTransaction } from '../../platform/db/database.js';
import { deviceKeys, devices } from './schema.js';

/** Device keys read as what they are in logs and leaked-secret scanners. */
export const deviceKeyPrefix = 'kura_dk_';
/** How long a replaced key keeps working unless staff say otherwise: long enough to reflash a fleet over lunch. */
export const defaultRotationGraceSeconds = 60 * 60;

const live = (now: Date) =>
  and(isNull(deviceKeys.revokedAt), or(isNull(deviceKeys.expiresAt), gt(deviceKeys.expiresAt, now)));

/** Adds a key to a device; the secret is returned here once and only its hash is kept. */
export async function addDeviceKey(db: DatabaseOrTransaction, params: { deviceId: string }) {
  const secret = newBearerSecret(deviceKeyPrefix);
  const [row] = await db
    .insert(deviceKeys)
    .values({
      deviceId: params.deviceId,
      keyHash: hashBearerSecret(secret),
      prefix: secret.slice(0, deviceKeyPrefix.length + 6),
    })
    .returning();
  if (!row) throw new Error('device key insert returned nothing');
  return { key: row, secret };
}

/**
 * The device's live keys stop working at `now + graceSeconds` (or sooner, if
 * an earlier rotation already set that), and a new key is added. Call inside
 * the transaction that audits it.
 */
export async function replaceDeviceKeys(
  db: DatabaseOrTransaction,
  params: { deviceId: string; now: Date; graceSeconds: number },
) {
  const until = new Date(params.now.getTime() + params.graceSeconds * 1000);
  const expiring = await db
    .update(deviceKeys)
    .set({ expiresAt: sql`least(coalesce(${deviceKeys.expiresAt}, ${until}), ${until})` })
    .where(and(eq(deviceKeys.deviceId, params.deviceId), live(params.now)))
    .returning({ id: deviceKeys.id, prefix: deviceKeys.prefix, expiresAt: deviceKeys.expiresAt });
  const added = await addDeviceKey(db, { deviceId: params.deviceId });
  return { ...added, expiring };
}

/** Every key of the device stops working now; returns how many were still live. */
export async function revokeDeviceKeys(db: DatabaseOrTransaction, params: { deviceId: string; now: Date }) {
  const rows = await db
    .update(deviceKeys)
    .set({ revokedAt: params.now })
    .where(and(eq(deviceKeys.deviceId, params.deviceId), live(params.now)))
    .returning({ id: deviceKeys.id });
  return rows.length;
}

export async function listDeviceKeys(db: DatabaseOrTransaction, params: { deviceId: string }) {
  return db
    .select({
      id: deviceKeys.id,
      prefix: deviceKeys.prefix,
      createdAt: deviceKeys.createdAt,
      expiresAt: deviceKeys.expiresAt,
      revokedAt: deviceKeys.revokedAt,
    })
    .from(deviceKeys)
    .where(eq(deviceKeys.deviceId, params.deviceId))
    .orderBy(deviceKeys.createdAt, deviceKeys.id);
}

export type DeviceKeyCheck = { kind: 'device'; deviceId: string } | { kind: 'disabled' } | { kind: 'unknown' };

/**
 * Which device a presented key belongs to: a live key of an enabled device.
 * A revoked, expired or unknown key is `unknown` alike, so a caller learns
 * nothing about keys that once existed.
 */
export async function checkDeviceKey(
  db: DatabaseOrTransaction,
  params: { secret: string; now: Date },
): Promise<DeviceKeyCheck> {
  const [row] = await db
    .select({ deviceId: devices.id, enabled: devices.enabled })
    .from(deviceKeys)
    .innerJoin(devices, eq(devices.id, deviceKeys.deviceId))
    .where(and(eq(deviceKeys.keyHash, hashBearerSecret(params.secret)), live(params.now)));
  if (!row) return { kind: 'unknown' };
  return row.enabled ? { kind: 'device', deviceId: row.deviceId } : { kind: 'disabled' };
}
