import { request } from 'node:http';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../../platform/config/config.js';
import { type RunningServer, startServer } from '../../../../server.js';
import { demoPassword } from './demo-accounts.js';
import { createOidcTestClient } from './oidc-test-client.js';

// Sign-ins hash with scrypt on purpose (~0.3–0.6 s each on a quiet machine); a loaded CI runner needs room.
vi.setConfig({ testTimeout: 120_000 });

/**
 * The embedded provider as the SPA meets it: a real Kura server (PGlite,
 * migrations, demo accounts), the authorization code flow with PKCE over
 * HTTP, then the API with the access token it issued.
 */
let running: RunningServer;
let origin: string;

beforeAll(async () => {
  const config = loadConfig({
    KURA_EPHEMERAL: 'true',
    PORT: '0',
    LOG_LEVEL: 'silent',
    KURA_WEB_DIST: '/nonexistent',
    KURA_DEMO_DATA: 'false',
  });
  running = await startServer({ config, migrate: true, progress: () => {} });
  await running.ready;
  origin = running.url;
});
afterAll(async () => {
  await running?.stop();
});

/** node:http, not fetch: fetch will not send a Host header of our choosing. */
const rawGet = (url: string, headers: Record<string, string>) =>
  new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    request(url, { headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    })
      .on('error', reject)
      .end();
  });

/** What every page the provider sends must carry, as the app's own pages do. */
function expectPageSecurityHeaders(headers: Headers, what: string) {
  expect(headers.get('content-security-policy'), what).toContain("frame-ancestors 'none'");
  expect(headers.get('content-security-policy'), what).toContain("default-src 'none'");
  expect(headers.get('x-frame-options'), what).toBe('DENY');
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('referrer-policy'), what).toBe('same-origin');
}

const me = async (accessToken: string) => {
  const response = await fetch(`${origin}/api/me`, { headers: { authorization: `Bearer ${accessToken}` } });
  return { status: response.status, body: (await response.json()) as { email: string; role: string } };
};

describe('the local provider is served on Kura’s own port', () => {
  it('publishes its discovery document and public keys under /oidc', async () => {
    const discovery = (await (await fetch(`${origin}/oidc/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(discovery.issuer).toBe(`${origin}/oidc`);
    expect(discovery.authorization_endpoint).toBe(`${origin}/oidc/auth`);
    expect(discovery.token_endpoint).toBe(`${origin}/oidc/token`);
    expect(discovery.end_session_endpoint).toBe(`${origin}/oidc/session/end`);
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
    expect(discovery.response_types_supported).toEqual(['code']);
    const jwks = (await (await fetch(`${origin}/oidc/jwks`)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys.length).toBeGreaterThan(0);
    for (const key of jwks.keys) {
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
      expect(key).not.toHaveProperty('d');
      expect(key).not.toHaveProperty('p');
    }
    expect(running.signIn()).toMatchObject({ issuer: `${origin}/oidc`, local: true });
    expect(running.signIn()?.demoSignIns.map((d) => d.email)).toEqual([
      'customer@kura.local',
      'staff@kura.local',
      'admin@kura.local',
    ]);
  });

  it('sends a browser that opened 127.0.0.1 to the issuer’s host, where sign-in works; other clients stay', async () => {
    const other = origin.replace('//localhost:', '//127.0.0.1:');
    expect(other).not.toBe(origin);
    // node:http, not fetch: fetch drops the Sec-Fetch-* headers a browser sends
    const get = (url: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; location: string | undefined }>((resolve, reject) => {
        request(url, { headers }, (response) => {
          response.resume();
          resolve({ status: response.statusCode ?? 0, location: response.headers.location });
        })
          .on('error', reject)
          .end();
      });
    const navigate = { 'sec-fetch-mode': 'navigate' };
    expect(await get(`${other}/todos?filter=active`, navigate)).toEqual({
      status: 308,
      location: `${origin}/todos?filter=active`,
    });
    // a script's API call, a health probe, or a navigation already on the issuer's host: served where they are
    expect((await get(`${other}/api/categories`)).status).toBe(200);
    expect((await get(`${other}/health`)).status).toBe(200);
    expect((await get(`${origin}/api/categories`, navigate)).status).toBe(200);
    // a Host header that is no URL host is left alone (never a crash), and the server keeps answering
    const port = new URL(origin).port;
    expect((await get(`${other}/todos`, { ...navigate, host: `bad host:${port}` })).status).not.toBe(308);
    expect((await get(`${other}/health`)).status).toBe(200);
  });

  it('builds its discovery document from the issuer, whatever Host or X-Forwarded-* the request names', async () => {
    const attempts: Record<string, string>[] = [
      { host: 'evil.example' },
      { host: 'evil.example:443', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
      { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', forwarded: 'host=evil.example;proto=https' },
    ];
    for (const headers of attempts) {
      const { status, body } = await rawGet(`${origin}/oidc/.well-known/openid-configuration`, headers);
      expect(status, JSON.stringify(headers)).toBe(200);
      const discovery = JSON.parse(body) as Record<string, unknown>;
      const endpoints = Object.entries(discovery).filter(([key]) => key.endsWith('_endpoint') || key === 'jwks_uri');
      expect(endpoints.length).toBeGreaterThan(4);
      for (const [key, value] of endpoints) expect(String(value), key).toMatch(new RegExp(`^${origin}/oidc/`));
      expect(body).not.toContain('evil.example');
    }
  });

  it('never sends the browser to a redirect_uri that is not registered exactly', async () => {
    const host = new URL(origin).host;
    const tricks = [
      'https://evil.example/auth/callback',
      `${origin}/auth/callback/../../evil`,
      `${origin}/auth/callback/extra`,
      `${origin}/auth/callback?next=https://evil.example`,
      `${origin}/auth/callback#fragment`,
      `${origin}/auth/callbac`,
      `${origin}/AUTH/CALLBACK`,
      `${origin}.evil.example/auth/callback`,
      `http://${host}@evil.example/auth/callback`,
      `http://evil.example\\@${host}/auth/callback`,
      `${origin.replace('http:', 'https:')}/auth/callback`,
      `${origin}:8443/auth/callback`,
      `${origin}/`,
      'javascript:alert(1)//auth/callback',
      `${origin}/auth/callback `,
      `${origin}/auth/%63allback`,
    ];
    for (const redirectUri of tricks) {
      const response = await fetch(
        `${origin}/oidc/auth?${new URLSearchParams({
          client_id: 'kura-web',
          response_type: 'code',
          scope: 'openid',
          redirect_uri: redirectUri,
          code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
          code_challenge_method: 'S256',
        })}`,
        { redirect: 'manual' },
      );
      expect(response.status, redirectUri).toBe(400);
      expect(response.headers.get('location'), redirectUri).toBeNull();
      expect(await response.text(), redirectUri).toContain('redirect_uri');
    }
  });

  it('refuses an authorization request without PKCE', async () => {
    const response = await fetch(
      `${origin}/oidc/auth?${new URLSearchParams({
        client_id: 'kura-web',
        response_type: 'code',
        scope: 'openid',
        redirect_uri: `${origin}/auth/callback`,
      })}`,
      { redirect: 'manual' },
    );
    const location = new URL(response.headers.get('location') ?? '', origin);
    expect(location.pathname).toBe('/auth/callback');
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);
  });
});

describe('sign-up and sign-in, authorization code + PKCE', () => {
  it('signs up a new customer, who then calls the API with the access token', async () => {
    const client = createOidcTestClient({ origin });
    const { uid, verifier, state } = await client.authorize();
    const signUpPage = await client.request(`/oidc/interaction/${uid}/signup`);
    expect(signUpPage.status).toBe(200);
    expect(await signUpPage.text()).toContain('アカウント作成');

    const email = `new-${Date.now()}@example.test`;
    const { callback } = await client.submit(`/oidc/interaction/${uid}/signup`, {
      email,
      displayName: '新しい 顧客',
      password: 'correct horse battery',
    });
    expect(callback?.searchParams.get('state')).toBe(state);
    expect(callback?.searchParams.get('iss')).toBe(`${origin}/oidc`);
    const tokens = await client.exchange(callback as URL, verifier);
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.refresh_token).toBeTruthy();

    const header = decodeProtectedHeader(tokens.access_token);
    expect(header).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    const claims = decodeJwt(tokens.access_token);
    expect(claims).toMatchObject({ iss: `${origin}/oidc`, aud: 'kura-api', client_id: 'kura-web', email });
    expect(claims.groups).toEqual(['customer']);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(900);
    expect(decodeJwt(tokens.id_token)).toMatchObject({ aud: 'kura-web', email, name: '新しい 顧客' });

    // The name given at sign-up travels in the access token, so the user record made at first sign-in has it
    expect(claims.name).toBe('新しい 顧客');
    const { status, body } = await me(tokens.access_token);
    expect(status).toBe(200);
    expect(body).toMatchObject({ email, role: 'customer', displayName: '新しい 顧客' });
  });

  it('signs in the demo admin, whom the API knows as admin', async () => {
    const tokens = await createOidcTestClient({ origin }).signIn('admin@kura.local', demoPassword);
    expect(decodeJwt(tokens.access_token).groups).toEqual(['admin']);
    const { status, body } = await me(tokens.access_token);
    expect(status).toBe(200);
    expect(body).toMatchObject({ email: 'admin@kura.local', role: 'admin' });
  });

  it('renews the access token with the refresh token', async () => {
    const client = createOidcTestClient({ origin });
    const tokens = await client.signIn('customer@kura.local', demoPassword);
    const response = await client.request('/oidc/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token ?? '',
        client_id: 'kura-web',
      }).toString(),
    });
    expect(response.status).toBe(200);
    const renewed = (await response.json()) as { access_token: string };
    expect(renewed.access_token).not.toBe(tokens.access_token);
    expect(decodeJwt(renewed.access_token)).toMatchObject({ aud: 'kura-api', email: 'customer@kura.local' });
    expect((await me(renewed.access_token)).body.role).toBe('customer');
  });

  it('shows the sign-in page again, with one message for a wrong password and an unknown email', async () => {
    const client = createOidcTestClient({ origin });
    const { uid } = await client.authorize();
    const wrong = await client.submit(`/oidc/interaction/${uid}/login`, {
      email: 'customer@kura.local',
      password: 'not-the-password',
    });
    const unknown = await client.submit(`/oidc/interaction/${uid}/login`, {
      email: 'nobody@kura.local',
      password: 'not-the-password',
    });
    for (const { response, callback } of [wrong, unknown]) {
      expect(callback).toBeUndefined();
      expect(response.status).toBe(200);
    }
    const wrongPage = await wrong.response.text();
    const unknownPage = await unknown.response.text();
    expect(wrongPage).toContain('メールアドレスまたはパスワードが正しくありません。');
    expect(wrongPage.replace('customer@kura.local', 'nobody@kura.local')).toBe(unknownPage);
    expect(wrongPage).not.toContain('not-the-password');
    // The same interaction still completes with the right password.
    const { callback } = await client.submit(`/oidc/interaction/${uid}/login`, {
      email: 'customer@kura.local',
      password: demoPassword,
    });
    expect(callback?.searchParams.get('code')).toBeTruthy();
  });

  it('answers 429 after five failed sign-ins for one email, even to the right password', async () => {
    const client = createOidcTestClient({ origin, acceptLanguage: 'en' });
    const { uid } = await client.authorize();
    const attempt = (password: string) =>
      client.request(`/oidc/interaction/${uid}/login`, client.form({ email: 'staff@kura.local', password }));
    for (let i = 0; i < 5; i++) expect((await attempt(`wrong-${i}`)).status).toBe(200);
    const limited = await attempt(demoPassword);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.text()).toContain('Too many attempts');
    // Another address from the same client is not locked out by it.
    const other = await client.request(
      `/oidc/interaction/${uid}/login`,
      client.form({ email: 'customer@kura.local', password: 'wrong' }),
    );
    expect(other.status).toBe(200);
  });

  it('refuses a weak password and a taken email at sign-up', async () => {
    const client = createOidcTestClient({ origin });
    const { uid } = await client.authorize();
    const short = await client.submit(`/oidc/interaction/${uid}/signup`, {
      email: 'short@example.test',
      password: 'short',
    });
    expect(short.callback).toBeUndefined();
    expect(await short.response.text()).toContain('パスワードは8文字以上で入力してください。');
    const taken = await client.submit(`/oidc/interaction/${uid}/signup`, {
      email: 'ADMIN@kura.local',
      password: 'long enough password',
    });
    expect(taken.callback).toBeUndefined();
    expect(await taken.response.text()).toContain('このメールアドレスでは登録できません');
  });
});

describe('U+0000 in the provider’s forms', () => {
  it('is refused with 400 and the field named, at sign-up and at sign-in, in any field', async () => {
    const client = createOidcTestClient({ origin, acceptLanguage: 'en' });
    const { uid } = await client.authorize();
    const forms: [string, Record<string, string>, string][] = [
      [
        'signup',
        { email: 'nul@example.test', displayName: 'a\u0000b', password: 'long enough password' },
        'Display name',
      ],
      ['signup', { email: 'nul\u0000@example.test', password: 'long enough password' }, 'Email address'],
      ['signup', { email: 'nul@example.test', password: 'long enough\u0000password' }, 'Password'],
      ['login', { email: 'customer@kura.local\u0000', password: demoPassword }, 'Email address'],
      ['login', { email: 'customer@kura.local', password: `${demoPassword}\u0000` }, 'Password'],
    ];
    for (const [action, fields, label] of forms) {
      const response = await client.request(`/oidc/interaction/${uid}/${action}`, client.form(fields));
      expect(response.status, `${action} ${JSON.stringify(fields)}`).toBe(400);
      const page = await response.text();
      expect(page.toLowerCase()).toContain(`the ${label.toLowerCase()} field contains a character that cannot be used`);
    }
    // Nothing was created, and the interaction still completes.
    const { callback } = await client.submit(`/oidc/interaction/${uid}/login`, {
      email: 'customer@kura.local',
      password: demoPassword,
    });
    expect(callback?.searchParams.get('code')).toBeTruthy();
  });
});

describe('sign-out', () => {
  it('asks in the user’s language, then ends the session and returns to the app', async () => {
    const client = createOidcTestClient({ origin, acceptLanguage: 'en' });
    const tokens = await client.signIn('customer@kura.local', demoPassword);
    const ask = await client.request(
      `/oidc/session/end?${new URLSearchParams({
        id_token_hint: tokens.id_token,
        post_logout_redirect_uri: `${origin}/`,
        client_id: 'kura-web',
      })}`,
    );
    expect(ask.status).toBe(200);
    // A framed confirmation could be clicked through by an invisible overlay (clickjacking).
    expectPageSecurityHeaders(ask.headers, 'sign-out confirmation');
    const page = await ask.text();
    expect(page).toContain('Do you want to sign out of Kura?');
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1];
    expect(action && xsrf).toBeTruthy();
    const done = await client.request(action ?? '', client.form({ xsrf: xsrf ?? '', logout: 'yes' }));
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${origin}/`);
    expectPageSecurityHeaders(done.headers, 'sign-out redirect');
    // The session is gone: the next authorization asks for a sign-in again.
    expect((await client.authorize()).page.status).toBe(200);
  });
});

describe('the interaction pages', () => {
  it('speak Japanese by default, English for an English browser, and switch by link', async () => {
    const ja = createOidcTestClient({ origin });
    const jaPage = await (await ja.authorize()).page.text();
    expect(jaPage).toContain('<html lang="ja">');
    // the shop's word for it: one term from the header to the provider's page
    expect(jaPage).toContain('ログイン');
    expect(jaPage).not.toContain('サインイン');

    const en = createOidcTestClient({ origin, acceptLanguage: 'en-GB,en;q=0.9,ja;q=0.5' });
    const { page, uid } = await en.authorize();
    const enPage = await page.text();
    expect(enPage).toContain('<html lang="en">');
    expect(enPage).toContain('Sign in with your Kura account.');
    expect(enPage).toContain(`href="/oidc/interaction/${uid}?lang=ja"`);
    const switched = await (await en.request(`/oidc/interaction/${uid}?lang=ja`)).text();
    expect(switched).toContain('<html lang="ja">');
  });

  it('refuse a form posted from another origin, and a post without the interaction cookie', async () => {
    const client = createOidcTestClient({ origin });
    const { uid } = await client.authorize();
    const crossSite = await client.request(`/oidc/interaction/${uid}/login`, {
      ...client.form({ email: 'admin@kura.local', password: demoPassword }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    const opaqueCrossSite = await client.request(`/oidc/interaction/${uid}/login`, {
      ...client.form({ email: 'admin@kura.local', password: demoPassword }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'null', 'sec-fetch-site': 'cross-site' },
    });
    expect(opaqueCrossSite.status).toBe(403);

    const noCookie = await fetch(`${origin}/oidc/interaction/${uid}/login`, {
      ...client.form({ email: 'admin@kura.local', password: demoPassword }),
      redirect: 'manual',
    });
    expect(noCookie.status).toBe(400);
    expect(await noCookie.text()).toContain('有効期限');
  });

  it('accept the sign-in form as a browser posts it with Origin: null from the same site', async () => {
    const client = createOidcTestClient({ origin });
    const { uid } = await client.authorize();
    const posted = await client.request(`/oidc/interaction/${uid}/login`, {
      ...client.form({ email: 'admin@kura.local', password: demoPassword }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'null', 'sec-fetch-site': 'same-origin' },
    });
    expect(posted.status).toBe(303);
  });

  it('send the same security headers on the provider’s own pages: errors, discovery, keys, the token endpoint', async () => {
    const error = await fetch(`${origin}/oidc/auth?client_id=no-such-client&response_type=code`);
    expect(error.status).toBe(400);
    expect(await error.text()).toContain('<html');
    expectPageSecurityHeaders(error.headers, 'error page');
    const notFound = await fetch(`${origin}/oidc/no-such-page`);
    expectPageSecurityHeaders(notFound.headers, 'unknown provider path');
    for (const path of ['/oidc/.well-known/openid-configuration', '/oidc/jwks']) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status).toBe(200);
      expectPageSecurityHeaders(response.headers, path);
    }
    const token = await fetch(`${origin}/oidc/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=authorization_code&code=nope&client_id=kura-web',
    });
    expect(token.status).toBe(400);
    expectPageSecurityHeaders(token.headers, 'token endpoint');
    expect(token.headers.get('cache-control')).toBe('no-store');
  });

  it('send no-store and a strict content security policy', async () => {
    const { page } = await createOidcTestClient({ origin }).authorize();
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    // Browsers then send their real Origin with the form posts (no-referrer would make it "null").
    expectPageSecurityHeaders(page.headers, 'sign-in page');
  });
});
