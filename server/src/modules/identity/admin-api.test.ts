import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { issueAccessToken } from '../../../test/test-issuer.js';
import type { ErrorBody } from '../../platform/http/errors.js';
import { todos as todosTable } from '../todos/schema.js';
import { createLocalDirectory } from './directory/local-directory.js';
import type { AuditLogResponse } from './routes/admin-audit-log.js';
import type { CreatedServiceTokenResponse } from './routes/admin-service-tokens.js';
import type { InvitedUserResponse, ListUsersResponse, UserResponse } from './routes/admin-users.js';
import { users } from './schema.js';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['signIn']>>;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn({ role: 'admin', email: 'boss@example.test' });
});
afterAll(async () => {
  await t?.close();
});

const asAdmin = (path: string, init: RequestInit = {}) =>
  t.getJson<unknown>(path, {
    ...init,
    headers: { ...admin.headers, 'Content-Type': 'application/json', ...(init.headers as Record<string, string>) },
  });

describe('admin: users', () => {
  it('lists users newest first, searches, filters and pages through them', async () => {
    for (let i = 0; i < 5; i++) await t.signIn({ email: `shopper-${i}@example.test` });
    await t.signIn({ role: 'staff', email: 'packer@example.test' });

    const first = (await asAdmin('/api/admin/users?limit=3')).body as ListUsersResponse;
    expect(first.items).toHaveLength(3);
    const all = [...first.items];
    for (let cursor = first.nextCursor; cursor; ) {
      const page = (await asAdmin(`/api/admin/users?limit=3&cursor=${cursor}`)).body as ListUsersResponse;
      all.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(new Set(all.map((u) => u.id)).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(7);
    expect(all.map((u) => u.createdAt)).toEqual([...all.map((u) => u.createdAt)].sort().reverse());

    const search = (await asAdmin('/api/admin/users?q=SHOPPER-3')).body as ListUsersResponse;
    expect(search.items.map((u) => u.email)).toEqual(['shopper-3@example.test']);
    const staff = (await asAdmin('/api/admin/users?role=staff')).body as ListUsersResponse;
    expect(staff.items.map((u) => u.email)).toEqual(['packer@example.test']);
  });

  it('changes a role, writes who/what/before/after to the audit log', async () => {
    const user = await t.signIn({ email: 'promote-me@example.test' });
    const { status, body } = await asAdmin(`/api/admin/users/${user.userId}`, {
      method: 'PATCH',
      body: JSON.stringify({ role: 'staff' }),
    });
    expect(status).toBe(200);
    expect((body as UserResponse).role).toBe('staff');
    const log = (await asAdmin('/api/admin/audit-log?limit=5')).body as AuditLogResponse;
    expect(log.items[0]).toMatchObject({
      actorId: admin.userId,
      actorEmail: admin.email,
      action: 'user.changed',
      subjectType: 'user',
      subjectId: user.userId,
      subjectEmail: 'promote-me@example.test',
      before: { role: 'customer', status: 'active' },
      after: { role: 'staff', status: 'active' },
    });
  });

  it('disables a user, who is refused at once, and enables them again', async () => {
    const user = await t.signIn();
    expect((await t.app.request('/api/me', { headers: user.headers })).status).toBe(200);
    await asAdmin(`/api/admin/users/${user.userId}`, { method: 'PATCH', body: JSON.stringify({ status: 'disabled' }) });
    const refused = await t.getJson<ErrorBody>('/api/me', { headers: user.headers });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ACCOUNT_DISABLED');
    await asAdmin(`/api/admin/users/${user.userId}`, { method: 'PATCH', body: JSON.stringify({ status: 'active' }) });
    expect((await t.app.request('/api/me', { headers: user.headers })).status).toBe(200);
  });

  it('does not let an admin demote or disable themselves', async () => {
    for (const change of [{ role: 'customer' }, { status: 'disabled' }]) {
      const { status, body } = await asAdmin(`/api/admin/users/${admin.userId}`, {
        method: 'PATCH',
        body: JSON.stringify(change),
      });
      expect(status).toBe(409);
      expect((body as ErrorBody).error.code).toBe('CONFLICT');
    }
  });

  it('answers 404 for an unknown user and 400 for a bad change', async () => {
    const missing = await asAdmin('/api/admin/users/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    for (const body of ['{}', '{"role":"owner"}', '{"role":"staff","email":"x@y"}']) {
      const bad = await asAdmin(`/api/admin/users/${admin.userId}`, { method: 'PATCH', body });
      expect(bad.status, body).toBe(400);
      expect((bad.body as ErrorBody).error.code).toBe('VALIDATION_FAILED');
    }
    expect((await asAdmin('/api/admin/users/not-a-uuid')).status).toBe(400);
  });
});

describe('admin: invitations through the directory', () => {
  it('invites a user into the directory and Kura, in the chosen role, audited', async () => {
    const { status, body } = await asAdmin('/api/admin/users', {
      method: 'POST',
      body: JSON.stringify({ email: 'new-staff@example.test', displayName: '鈴木 花子', role: 'staff' }),
    });
    expect(status).toBe(201);
    const invited = body as InvitedUserResponse;
    expect(invited.user).toMatchObject({ email: 'new-staff@example.test', displayName: '鈴木 花子', role: 'staff' });
    // The embedded directory cannot send mail: the admin gets a temporary password to pass on.
    expect(invited.temporaryPassword).toMatch(/^[a-z2-9-]{23}$/);
    const account = await createLocalDirectory({ db: t.database.db }).find('new-staff@example.test');
    expect(account).toMatchObject({ role: 'staff', enabled: true });
    const log = (await asAdmin('/api/admin/audit-log?limit=1')).body as AuditLogResponse;
    expect(log.items[0]).toMatchObject({ action: 'user.invited', subjectId: invited.user.id, actorId: admin.userId });

    const again = await asAdmin('/api/admin/users', {
      method: 'POST',
      body: JSON.stringify({ email: 'NEW-staff@example.test' }),
    });
    expect(again.status).toBe(409);
    const bad = await asAdmin('/api/admin/users', { method: 'POST', body: JSON.stringify({ email: 'not-an-email' }) });
    expect(bad.status).toBe(400);
  });

  it('makes the directory follow role and status changes', async () => {
    const { body } = await asAdmin('/api/admin/users', {
      method: 'POST',
      body: JSON.stringify({ email: 'follow@example.test', role: 'customer' }),
    });
    const id = (body as InvitedUserResponse).user.id;
    await asAdmin(`/api/admin/users/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ role: 'staff', status: 'disabled' }),
    });
    expect(await createLocalDirectory({ db: t.database.db }).find('follow@example.test')).toMatchObject({
      role: 'staff',
      enabled: false,
    });
  });
});

describe('admin: deleting a user', () => {
  it('removes their directory account and todos, keeps an anonymised tombstone, refuses their live token', async () => {
    const invited = (
      await asAdmin('/api/admin/users', { method: 'POST', body: JSON.stringify({ email: 'leaving@example.test' }) })
    ).body as InvitedUserResponse;
    // The invited user signs in (same subject as the directory account) and writes a todo.
    const token = await issueAccessToken({ subject: await subjectOf(invited.user.id), email: 'leaving@example.test' });
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    expect(
      (await t.app.request('/api/todos', { method: 'POST', headers, body: JSON.stringify({ title: '退職の手続き' }) }))
        .status,
    ).toBe(201);

    const deleted = await t.app.request(`/api/admin/users/${invited.user.id}`, {
      method: 'DELETE',
      headers: admin.headers,
    });
    expect(deleted.status).toBe(204);

    expect(await createLocalDirectory({ db: t.database.db }).find('leaving@example.test')).toBeUndefined();
    expect(await t.database.db.$count(todosTable, eq(todosTable.userId, invited.user.id))).toBe(0);
    const [tombstone] = await t.database.db.select().from(users).where(eq(users.id, invited.user.id));
    expect(tombstone).toMatchObject({
      status: 'deleted',
      email: `deleted-${invited.user.id}@users.invalid`,
      displayName: '',
    });
    // The access token has not expired, yet it no longer opens anything, nor recreates the account.
    expect((await t.app.request('/api/me', { headers })).status).toBe(403);
    expect((await asAdmin(`/api/admin/users/${invited.user.id}`)).status).toBe(404);
    expect((await asAdmin(`/api/admin/users/${invited.user.id}`, { method: 'DELETE' })).status).toBe(404);
    const listed = (await asAdmin('/api/admin/users?limit=100')).body as ListUsersResponse;
    expect(listed.items.map((u) => u.id)).not.toContain(invited.user.id);

    const log = (await asAdmin('/api/admin/audit-log?limit=1')).body as AuditLogResponse;
    expect(log.items[0]).toMatchObject({
      action: 'user.deleted',
      subjectId: invited.user.id,
      before: { email: 'leaving@example.test', role: 'customer', status: 'active' },
    });
  });

  it('does not let an admin delete themselves', async () => {
    const { status } = await asAdmin(`/api/admin/users/${admin.userId}`, { method: 'DELETE' });
    expect(status).toBe(409);
  });
});

async function subjectOf(userId: string): Promise<string> {
  const [row] = await t.database.db.select({ subject: users.subject }).from(users).where(eq(users.id, userId));
  if (!row) throw new Error('no such user');
  return row.subject;
}

describe('admin: service tokens', () => {
  it('creates a token whose secret is shown once, lists it without the secret, and revokes it', async () => {
    const created = await asAdmin('/api/admin/service-tokens', {
      method: 'POST',
      body: JSON.stringify({ name: 'warehouse scanner', scopes: ['orders:read'] }),
    });
    expect(created.status).toBe(201);
    const { token, secret } = created.body as CreatedServiceTokenResponse;
    expect(secret.startsWith(token.prefix)).toBe(true);
    expect(token).toMatchObject({ name: 'warehouse scanner', scopes: ['orders:read'], revokedAt: null });

    const list = await asAdmin('/api/admin/service-tokens');
    expect(JSON.stringify(list.body)).not.toContain(secret);
    const stored = await t.database.db.execute(sql`select token_hash from identity.service_tokens`);
    expect(JSON.stringify(stored)).not.toContain(secret);

    // The token authenticates (and, not being a person, cannot use person-only routes).
    expect((await t.app.request('/api/me', { headers: { Authorization: `Bearer ${secret}` } })).status).toBe(403);
    const revoked = await asAdmin(`/api/admin/service-tokens/${token.id}`, { method: 'DELETE' });
    expect(revoked.status).toBe(200);
    expect((await t.app.request('/api/me', { headers: { Authorization: `Bearer ${secret}` } })).status).toBe(401);
    expect((await asAdmin(`/api/admin/service-tokens/${token.id}`, { method: 'DELETE' })).status).toBe(404);

    const log = (await asAdmin('/api/admin/audit-log?limit=2')).body as AuditLogResponse;
    expect(log.items.map((e) => e.action)).toEqual(['service_token.revoked', 'service_token.created']);
    expect(log.items[0]).toMatchObject({ actorEmail: admin.email, subjectType: 'service_token', subjectEmail: null });
  });

  it('refuses a token without scopes or with an unknown scope', async () => {
    for (const body of [
      { name: 'x', scopes: [] },
      { name: 'x', scopes: ['root'] },
      { name: ' ', scopes: ['orders:read'] },
    ]) {
      const response = await asAdmin('/api/admin/service-tokens', { method: 'POST', body: JSON.stringify(body) });
      expect(response.status).toBe(400);
    }
  });
});

describe('the audit log', () => {
  it('is append-only in the database itself', async () => {
    // drizzle wraps the database error; PostgreSQL's own message is its cause.
    const causeOf = (err: unknown) => String((err as { cause?: { message?: string } }).cause?.message);
    const update = await t.database.db.execute(sql`update identity.audit_log set action = 'forged'`).catch((e) => e);
    expect(causeOf(update)).toMatch(/append-only \(UPDATE refused\)/);
    const remove = await t.database.db.execute(sql`delete from identity.audit_log`).catch((e) => e);
    expect(causeOf(remove)).toMatch(/append-only \(DELETE refused\)/);
  });
});
