import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { base64url, type CryptoKey, exportJWK, generateKeyPair, type JWTHeaderParameters, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import {
  issueAccessToken,
  testAudience,
  testIssuer,
  testPrivateKey,
  testPublicJwk,
} from '../../../test/test-issuer.js';
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

const attacker = await generateKeyPair('RS256');
const attackerEc = await generateKeyPair('ES256');

/**
 * A token with exactly the header and claims given, signed with any key: the
 * claims default to a valid access token's, `undefined` removes one.
 */
async function craft(options: {
  header?: Partial<JWTHeaderParameters>;
  claims?: Record<string, unknown>;
  key?: CryptoKey | Uint8Array;
}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    sub: 'crafted',
    iss: testIssuer,
    aud: testAudience,
    client_id: 'kura-web',
    iat: now,
    exp: now + 600,
    ...options.claims,
  };
  const present = Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined));
  return (
    new SignJWT(present)
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key-1', typ: 'at+jwt', ...options.header })
      // jose signs a `crit` header only when told which extensions it names.
      .sign(options.key ?? testPrivateKey, {
        crit: Object.fromEntries((options.header?.crit ?? []).map((name) => [name, true])),
      })
  );
}

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
    // Issued-at: a token from the future (beyond the 5 s clock tolerance), or older than any issuer makes.
    ['iat ten minutes in the future', async () => bearer(await issueAccessToken({ subject: 'x', issuedAt: 600 }))],
    ['iat a year in the future', async () => bearer(await craft({ claims: { iat: Date.now() / 1000 + 31_536_000 } }))],
    [
      'iat two days ago (older than any access token lives)',
      async () => bearer(await issueAccessToken({ subject: 'x', issuedAt: -2 * 86_400, expiresIn: 600 })),
    ],
    ['no iat', async () => bearer(await craft({ claims: { iat: undefined } }))],
    ['no exp', async () => bearer(await craft({ claims: { exp: undefined } }))],
    ['no sub', async () => bearer(await craft({ claims: { sub: undefined } }))],
    ['exp as a string', async () => bearer(await craft({ claims: { exp: '9999999999' } }))],
    ['iat as a string', async () => bearer(await craft({ claims: { iat: String(Math.floor(Date.now() / 1000)) } }))],
    ['the issuer with a trailing slash', async () => bearer(await craft({ claims: { iss: `${testIssuer}/` } }))],
    ['an audience list without Kura', async () => bearer(await craft({ claims: { aud: ['a', 'b'], client_id: 'x' } }))],
    [
      'a Cognito ID token (token_use id)',
      async () => bearer(await craft({ header: { typ: 'JWT' }, claims: { token_use: 'id' } })),
    ],
    ['another key under the known kid', async () => bearer(await craft({ key: attacker.privateKey }))],
    [
      'ES256 with another key under the known kid',
      async () => bearer(await craft({ header: { alg: 'ES256' }, key: attackerEc.privateKey })),
    ],
    [
      "a jku header naming the attacker's key set",
      async () =>
        bearer(await craft({ header: { jku: 'https://evil.test/jwks.json', kid: 'evil' }, key: attacker.privateKey })),
    ],
    [
      "an x5u header naming the attacker's certificate",
      async () => bearer(await craft({ header: { x5u: 'https://evil.test/cert.pem' }, key: attacker.privateKey })),
    ],
    ['a kid with a path traversal', async () => bearer(await craft({ header: { kid: '../../../../dev/null' } }))],
    ['a kid with SQL in it', async () => bearer(await craft({ header: { kid: "' or '1'='1" } }))],
    [
      'HS256 with an empty secret and a path-traversal kid',
      async () =>
        bearer(await craft({ header: { alg: 'HS256', kid: '../../../../dev/null' }, key: new Uint8Array(32) })),
    ],
    [
      'an unknown critical header',
      async () => bearer(await craft({ header: { crit: ['x-kura-policy'], 'x-kura-policy': 'any' } })),
    ],
    [
      'alg None (capitalised)',
      async () => {
        const token = await issueAccessToken({ subject: 'x' });
        return bearer(forge(token, { header: { alg: 'None', typ: 'at+jwt' }, signature: '' }));
      },
    ],
    [
      'a changed kid on a valid token',
      async () => {
        const token = await issueAccessToken({ subject: 'x' });
        return bearer(forge(token, { header: { ...decode(token.split('.')[0]), kid: 'other' } }));
      },
    ],
    [
      'a raised role in the payload',
      async () => {
        const token = await issueAccessToken({ subject: 'x' });
        return bearer(forge(token, { payload: { ...decode(token.split('.')[1]), groups: ['admin'] } }));
      },
    ],
    ['the signature stripped', async () => bearer(forge(await issueAccessToken({ subject: 'x' }), { signature: '' }))],
    [
      'two tokens in one header',
      async () => ({
        Authorization: `Bearer ${await issueAccessToken({ subject: 'x' })} ${await issueAccessToken({ subject: 'y' })}`,
      }),
    ],
    ['a scheme with no token', async () => ({ Authorization: 'Bearer' })],
    ['a token with no scheme', async () => ({ Authorization: await issueAccessToken({ subject: 'x' }) })],
  ];

  it.each(rejected)('refuse %s with 401', async (_name, headersOf) => {
    const { status, body } = await me(await headersOf());
    expect(status).toBe(401);
    expect(body.error.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['bearer', 'lower case'],
    ['BEARER', 'upper case'],
    ['bEaReR', 'mixed case'],
  ])('read the scheme %s (%s) as Bearer: scheme names are case-insensitive', async (scheme) => {
    const token = await issueAccessToken({ subject: `scheme-${scheme}` });
    expect((await me({ Authorization: `${scheme} ${token}` })).status).toBe(200);
  });

  it('accept an iat a little ahead of our clock (within the tolerance)', async () => {
    const token = await issueAccessToken({ subject: 'slightly-ahead', issuedAt: 3 });
    expect((await me(bearer(token))).status).toBe(200);
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
      scopes: ['orders:read'],
      createdBy: admin.userId,
    });
    expect(secret).toMatch(/^kura_st_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(token)).not.toContain(secret);
    const asService = await me(bearer(secret));
    expect(asService.status).toBe(403);
    expect(asService.body.error.code).toBe('FORBIDDEN');
    // Read as a service token whatever the scheme's case, not as a JWT (which would give 401).
    expect((await me({ Authorization: `bearer ${secret}` })).status).toBe(403);
    await revokeServiceToken(t.database.db, token.id);
    const revoked = await me(bearer(secret));
    expect(revoked.status).toBe(401);
    const guessed = await me(bearer(`kura_st_${randomBytes(32).toString('base64url')}`));
    expect(guessed.status).toBe(401);
  });
});
