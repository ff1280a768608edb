import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { hashBearerSecret } from '../../platform/auth/bearer-secrets.js';
import { sqlRows } from '../../platform/db/database.js';
import type { ErrorBody } from '../../platform/http/errors.js';
import { checkDeviceKey } from './device-keys.js';
import type { ChangeDeviceResponse } from './routes/change-device.js';
import type { RevokeDeviceKeysResponse, RotateDeviceKeyResponse } from './routes/device-keys.js';
import type { GetDeviceResponse } from './routes/get-device.js';
import type { RegisterDeviceResponse } from './routes/register-device.js';

let t: TestApp;
let staff: Awaited<ReturnType<TestApp['signIn']>>;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.signIn({ role: 'staff' });
});
afterAll(async () => {
  await t?.close();
});

const fridge = {
  nameJa: '蔵1 冷蔵庫',
  nameEn: 'Storehouse 1 fridge',
  location: '蔵1 冷蔵庫',
  kind: 'fridge',
  reportingIntervalSeconds: 60,
};

const send = (method: string, path: string, body?: unknown, headers = staff.headers) =>
  t.app.request(`/api/staff/telemetry${path}`, {
    method,
    headers: { ...headers, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function register(input: object = fridge) {
  const response = await send('POST', '/devices', input);
  expect(response.status).toBe(201);
  return (await response.json()) as RegisterDeviceResponse;
}

const auditOf = (deviceId: string) =>
  sqlRows<{ action: string; actor_id: string; before: unknown; after: unknown }>(
    t.database.db,
    sql`select action, actor_id, before, after from identity.audit_log
        where subject_type = 'telemetry_device' and subject_id = ${deviceId} order by at, id`,
  );

const keyOf = (secret: string, now = new Date()) => checkDeviceKey(t.database.db, { secret, now });

describe('registering a device', () => {
  it('answers the device and its key once; only the key’s hash is stored; the registration is audited', async () => {
    const created = await register();
    expect(created.device).toMatchObject({ ...fridge, enabled: true });
    expect(created.key).toMatch(/^kura_dk_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(created.keyInfo.prefix)).toBe(true);

    const stored = await sqlRows<{ key_hash: string }>(
      t.database.db,
      sql`select key_hash from telemetry.device_keys where device_id = ${created.device.id}`,
    );
    expect(stored).toEqual([{ key_hash: hashBearerSecret(created.key) }]);
    const detail = (await (await send('GET', `/devices/${created.device.id}`)).json()) as GetDeviceResponse;
    expect(JSON.stringify(detail)).not.toContain(created.key);
    expect(detail.keys).toEqual([created.keyInfo]);
    expect(await keyOf(created.key)).toEqual({ kind: 'device', deviceId: created.device.id });

    const audit = await auditOf(created.device.id);
    expect(audit).toEqual([expect.objectContaining({ action: 'telemetry_device.registered', actor_id: staff.userId })]);
    expect(JSON.stringify(audit)).not.toContain(created.key);
  });

  it('refuses an unknown kind, an interval out of range, a blank name and unknown fields (400, nothing written)', async () => {
    const before = await sqlRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from telemetry.devices`);
    for (const body of [
      { ...fridge, kind: 'kettle' },
      { ...fridge, reportingIntervalSeconds: 5 },
      { ...fridge, nameEn: '   ' },
      { ...fridge, owner: 'someone' },
    ]) {
      const response = await send('POST', '/devices', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as ErrorBody).error.code).toBe('VALIDATION_FAILED');
    }
    const after = await sqlRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from telemetry.devices`);
    expect(after).toEqual(before);
  });

  it('is for staff and admins: a customer gets 403, an unknown device 404', async () => {
    const customer = await t.signIn();
    expect((await send('POST', '/devices', fridge, customer.headers)).status).toBe(403);
    const admin = await t.signIn({ role: 'admin' });
    expect((await send('POST', '/devices', fridge, admin.headers)).status).toBe(201);
    expect((await send('GET', `/devices/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await send('PATCH', `/devices/${crypto.randomUUID()}`, { enabled: false })).status).toBe(404);
    expect((await send('POST', `/devices/${crypto.randomUUID()}/keys`, {})).status).toBe(404);
    expect((await send('DELETE', `/devices/${crypto.randomUUID()}/keys`)).status).toBe(404);
  });
});

describe('device keys', () => {
  it('rotating issues a new key; the old one works through the grace period and not after', async () => {
    const created = await register();
    const response = await send('POST', `/devices/${created.device.id}/keys`, { graceSeconds: 600 });
    expect(response.status).toBe(201);
    const rotated = (await response.json()) as RotateDeviceKeyResponse;
    expect(rotated.key).not.toBe(created.key);
    const deviceId = created.device.id;
    const inGrace = new Date(Date.now() + 590_000);
    const pastGrace = new Date(Date.now() + 610_000);
    expect(await keyOf(created.key, inGrace)).toEqual({ kind: 'device', deviceId });
    expect(await keyOf(created.key, pastGrace)).toEqual({ kind: 'unknown' });
    expect(await keyOf(rotated.key, pastGrace)).toEqual({ kind: 'device', deviceId });

    const expiryOf = async (prefix: string) => {
      const detail = (await (await send('GET', `/devices/${deviceId}`)).json()) as GetDeviceResponse;
      return Date.parse(detail.keys.find((k) => k.prefix === prefix)?.expiresAt ?? '');
    };
    // A later rotation with a longer grace never lengthens an older key's life …
    await send('POST', `/devices/${deviceId}/keys`, { graceSeconds: 3600 });
    expect(await expiryOf(created.keyInfo.prefix)).toBeLessThan(Date.now() + 601_000);
    expect(await expiryOf(rotated.keyInfo.prefix)).toBeGreaterThan(Date.now() + 3_500_000);
    // … and one with no grace ends every older key now.
    await send('POST', `/devices/${deviceId}/keys`, { graceSeconds: 0 });
    expect(await keyOf(rotated.key)).toEqual({ kind: 'unknown' });
    expect(await expiryOf(rotated.keyInfo.prefix)).toBeLessThanOrEqual(Date.now());
    expect((await auditOf(deviceId)).map((a) => a.action)).toEqual([
      'telemetry_device.registered',
      'telemetry_device.key_rotated',
      'telemetry_device.key_rotated',
      'telemetry_device.key_rotated',
    ]);
  });

  it('revoking ends every key at once; rotating afterwards gives the device a working key again', async () => {
    const created = await register();
    const deviceId = created.device.id;
    const second = (await (await send('POST', `/devices/${deviceId}/keys`, {})).json()) as RotateDeviceKeyResponse;
    const revoked = await send('DELETE', `/devices/${deviceId}/keys`);
    expect(revoked.status).toBe(200);
    expect((await revoked.json()) as RevokeDeviceKeysResponse).toEqual({ revoked: 2 });
    expect(await keyOf(created.key)).toEqual({ kind: 'unknown' });
    expect(await keyOf(second.key)).toEqual({ kind: 'unknown' });
    const again = (await (await send('POST', `/devices/${deviceId}/keys`, {})).json()) as RotateDeviceKeyResponse;
    expect(await keyOf(again.key)).toEqual({ kind: 'device', deviceId });
    expect(await keyOf('kura_dk_not-a-key')).toEqual({ kind: 'unknown' });
    expect((await auditOf(deviceId)).map((a) => a.action)).toContain('telemetry_device.keys_revoked');
  });
});

describe('changing a device', () => {
  it('disabling makes its keys refused as disabled; enabling restores them; each change audited with before and after', async () => {
    const created = await register();
    const deviceId = created.device.id;
    const disabled = await send('PATCH', `/devices/${deviceId}`, { enabled: false, location: '蔵2 地下' });
    expect(disabled.status).toBe(200);
    expect((await disabled.json()) as ChangeDeviceResponse).toMatchObject({ enabled: false, location: '蔵2 地下' });
    expect(await keyOf(created.key)).toEqual({ kind: 'disabled' });
    await send('PATCH', `/devices/${deviceId}`, { enabled: true });
    expect(await keyOf(created.key)).toEqual({ kind: 'device', deviceId });
    const audit = await auditOf(deviceId);
    expect(audit.map((a) => a.action)).toEqual([
      'telemetry_device.registered',
      'telemetry_device.disabled',
      'telemetry_device.enabled',
    ]);
    expect(audit[1]).toMatchObject({
      before: expect.objectContaining({ enabled: true, location: '蔵1 冷蔵庫' }),
      after: expect.objectContaining({ enabled: false, location: '蔵2 地下' }),
    });
    expect((await send('PATCH', `/devices/${deviceId}`, {})).status).toBe(400);
  });
});
