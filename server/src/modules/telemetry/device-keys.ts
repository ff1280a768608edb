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

/** The presented key's row, if it is live at `now`, with its device's state and the key's own end. */
async function findLiveKey(db: DatabaseOrTransaction, params: { keyHash: string; now: Date }) {
  const [row] = await db
    .select({ deviceId: devices.id, enabled: devices.enabled, expiresAt: deviceKeys.expiresAt })
    .from(deviceKeys)
    .innerJoin(devices, eq(devices.id, deviceKeys.deviceId))
    .where(and(eq(deviceKeys.keyHash, params.keyHash), live(params.now)));
  return row;
}

/**
 * Which device a presented key belongs to: a live key of an enabled device.
 * A revoked, expired or unknown key is `unknown` alike, so a caller learns
 * nothing about keys that once existed.
 */
export async function checkDeviceKey(
  db: DatabaseOrTransaction,
  params: { secret: string; now: Date },
): Promise<DeviceKeyCheck> {
  const row = await findLiveKey(db, { keyHash: hashBearerSecret(params.secret), now: params.now });
  if (!row) return { kind: 'unknown' };
  return row.enabled ? { kind: 'device', deviceId: row.deviceId } : { kind: 'disabled' };
}

/**
 * checkDeviceKey for the ingest path, with each accepted key remembered for
 * a few seconds: a device posts every few seconds, and the lookup was a third
 * of ingest's statements. Only `device` answers are kept (an unknown or
 * disabled key asks the database each time, so a new key or a re-enabled
 * device works at once and junk keys fill nothing). A remembered key still
 * ends at its own expiry (rotation's grace). Revoking, rotating or disabling
 * in this process forgets the device at once; another process that changed
 * the keys (another api task) is honoured within `ttlMs`.
 */
export type DeviceKeyChecker = {
  check(params: { secret: string; now: Date }): Promise<DeviceKeyCheck>;
  /** The device's keys or state changed: its next request asks the database. */
  forget(deviceId: string): void;
};

export const deviceKeyCacheTtlMs = 5_000;
const deviceKeyCacheMaxEntries = 10_000;

export function createDeviceKeyChecker(
  db: DatabaseOrTransaction,
  options: { ttlMs?: number; maxEntries?: number } = {},
): DeviceKeyChecker {
  const ttlMs = options.ttlMs ?? deviceKeyCacheTtlMs;
  const maxEntries = options.maxEntries ?? deviceKeyCacheMaxEntries;
  const remembered = new Map<string, { deviceId: string; until: number }>();
  // A lookup answering across a forget may have read the keys before the change: its answer is used, not kept.
  let forgets = 0;
  return {
    async check({ secret, now }) {
      const forgetsBefore = forgets;
      const keyHash = hashBearerSecret(secret);
      const at = now.getTime();
      const hit = remembered.get(keyHash);
      if (hit && at < hit.until) return { kind: 'device', deviceId: hit.deviceId };
      remembered.delete(keyHash);
      const row = await findLiveKey(db, { keyHash, now });
      if (!row) return { kind: 'unknown' };
      if (!row.enabled) return { kind: 'disabled' };
      if (forgets !== forgetsBefore) return { kind: 'device', deviceId: row.deviceId };
      // Oldest first out: Map iterates in insertion order.
      if (remembered.size >= maxEntries) remembered.delete(remembered.keys().next().value ?? '');
      const until = Math.min(at + ttlMs, row.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY);
      remembered.set(keyHash, { deviceId: row.deviceId, until });
      return { kind: 'device', deviceId: row.deviceId };
    },
    forget(deviceId) {
      forgets++;
      for (const [keyHash, entry] of remembered) if (entry.deviceId === deviceId) remembered.delete(keyHash);
    },
  };
}
