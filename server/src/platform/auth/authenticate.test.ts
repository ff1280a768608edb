import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { base64url, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { issueAccessToken, testIssuer, testPublicJwk } from '../../../test/test-issuer.js';
import { users } from '../../modules/identity/schema.js';
import { createServiceToken, revokeServiceToken } from '../../modules/identity/service-tokens.js';
import type { ErrorBody } from '../http/errors.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const me = (headers: Record<string, string>) =>
  t.getJson<ErrorBody & { id: string; role: string }>('/api/me', { headers });
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Re-encodes a token's header or payload without a valid signature. */
function forge(token: string, change: { header?: object; payload?: object; signature?: string }): string {
  const [h = '', p = '', s = ''] = token.split('.');
  const header = change.header ? base64url.encode(JSON.stringify(change.header)) : h;
  const payload = change.payload ? base64url.encode(JSON.stringify(change.payload)) : p;
  return `${header}.${payload}.${change.signature ?? s}`;
}
const decode = (part: string | undefined) => JSON.parse(new TextDecoder().decode(base64url.decode(part ?? '')));

describe('bearer access tokens', () => {
  it('accept a valid token and create the user on first sign-in, as a customer', async () => {
    const token = await issueAccessToken({ subject: 'first-sign-in', email: 'first@example.test' });
    const { status, body } = await me(bearer(token));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      email: 'first@example.test',
      role: 'customer',
      status: 'active',
      timeZone: 'Asia/Tokyo',
    });
    const again = await me(bearer(token));
    expect(again.body.id).toBe(body.id);
  });

  it('take the role from the provider groups at first sign-in (Cognito groups)', async () => {
    const token = await issueAccessToken({ subject: 'first-admin', extra: { 'cognito:groups': ['admin'] } });
    expect((await me(bearer(token))).body.role).toBe('admin');
  });

  const rejected: [string, () => Promise<Record<string, string>>][] = [
    ['no Authorization header', async () => ({})],
    ['a non-bearer scheme', async () => ({ Authorization: `Basic ${btoa('a:b')}` })],
    ['a cookie instead of a header', async () => ({ Cookie: `token=${await issueAccessToken({ subject: 'c' })}` })],
    ['an expired token', async () => bearer(await issueAccessToken({ subject: 'x', expiresIn: -60 }))],
    ['a token not yet valid', async () => bearer(await issueAccessToken({ subject: 'x', notBefore: 600 }))],
    ['another issuer', async () => bearer(await issueAccessToken({ subject: 'x', issuer: 'https://evil.test' }))],
    ['another audience', async () => bearer(await issueAccessToken({ subject: 'x', audience: 'other-api' }))],
    ['an ID token (not an access token)', async () => bearer(await issueAccessToken({ subject: 'x', typ: 'JWT' }))],
    ['an unknown key id', async () => bearer(await issueAccessToken({ subject: 'x', kid: 'no-such-key' }))],
    [
      'a tampered payload',
      async () => {
        const token = await issueAccessToken({ subject: 'x' });
        return bearer(forge(token, { payload: { ...decode(token.split('.')[1]), sub: 'someone-else' } }));
      },
    ],
    [
      'alg none',
      async () => {
        const token = await issueAccessToken({ subject: 'x' });
        return bearer(forge(token, { header: { alg: 'none', typ: 'at+jwt' }, signature: '' }));
      },
    ],
    [
      'HS256 signed with the public key as the secret',
      async () => {
        const secret = new TextEncoder().encode(JSON.stringify(testPublicJwk));
        const now = Math.floor(Date.now() / 1000);
        return bearer(
          await new SignJWT({ client_id: 'kura-web' })
            .setProtectedHeader({ alg: 'HS256', kid: 'test-key-1', typ: 'at+jwt' })
            .setSubject('x')
            .setIssuer(testIssuer)
            .setAudience('kura-api')
            .setIssuedAt(now)
            .setExpirationTime(now + 600)
            .sign(secret),
        );
      },
    ],
    [
      'a key embedded in the header (jwk)',
      async () => {
        const attacker = await generateKeyPair('RS256');
        const now = Math.floor(Date.now() / 1000);
        return bearer(
          await new SignJWT({ client_id: 'kura-web' })
            .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', jwk: await exportJWK(attacker.publicKey) })
            .setSubject('x')
            .setIssuer(testIssuer)
            .setAudience('kura-api')
            .setIssuedAt(now)
            .setExpirationTime(now + 600)
            .sign(attacker.privateKey),
        );
      },
    ],
    ['garbage', async () => bearer('not.a.token')],
  ];

  it.each(rejected)('refuse %s with 401', async (_name, headersOf) => {
    const { status, body } = await me(await headersOf());
    expect(status).toBe(401);
    expect(body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuse a disabled user at once, though the token has not expired', async () => {
    const user = await t.signIn();
    await t.database.db.update(users).set({ status: 'disabled' }).where(eq(users.id, user.userId));
    const { status, body } = await me(user.headers);
    expect(status).toBe(403);
    expect(body.error.code).toBe('ACCOUNT_DISABLED');
  });
});

describe('service tokens', () => {
  it('authenticate while live, are not people, and stop working when revoked', async () => {
    const admin = await t.signIn({ role: 'admin' });
    const { token, secret } = await createServiceToken(t.database.db, {
      name: 'ingest',
      scopes: ['telemetry:ingest'],
      createdBy: admin.userId,
    });
    expect(secret).toMatch(/^kura_st_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(token)).not.toContain(secret);
    const asService = await me(bearer(secret));
    expect(asService.status).toBe(403);
    expect(asService.body.error.code).toBe('FORBIDDEN');
    await revokeServiceToken(t.database.db, token.id);
    const revoked = await me(bearer(secret));
    expect(revoked.status).toBe(401);
    const guessed = await me(bearer(`kura_st_${randomBytes(32).toString('base64url')}`));
    expect(guessed.status).toBe(401);
  });
});
