import { createHash, randomBytes } from 'node:crypto';

/**
 * A browser stand-in for tests: follows the provider's redirects by hand,
 * keeps its cookies (by path), posts the sign-in forms, and finishes with
 * the code exchange a SPA makes, PKCE included. No browser needed.
 */
export type Tokens = {
  access_token: string;
  id_token: string;
  refresh_token?: string;
  expires_in: number;
  scope: string;
  token_type: string;
};

export function createOidcTestClient(options: { origin: string; acceptLanguage?: string }) {
  const { origin } = options;
  const redirectUri = `${origin}/auth/callback`;
  const cookies = new Map<string, { value: string; path: string }>();

  async function request(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url, origin);
    const headers = new Headers(init.headers);
    const sent = [...cookies.entries()]
      .filter(([, c]) => target.pathname.startsWith(c.path))
      .map(([name, c]) => `${name}=${c.value}`);
    if (sent.length) headers.set('cookie', sent.join('; '));
    if (options.acceptLanguage) headers.set('accept-language', options.acceptLanguage);
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const expired = attributes.some((a) => /^expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || pair.slice(eq + 1) === '') cookies.delete(name);
      else cookies.set(name, { value: pair.slice(eq + 1), path });
    }
    return response;
  }

  /** Follows redirects until a page answers or the app's callback is reached. */
  async function follow(response: Response): Promise<{ response: Response; callback?: URL }> {
    let current = response;
    for (let hops = 0; hops < 10; hops++) {
      const location = current.headers.get('location');
      if (current.status < 300 || current.status >= 400 || !location) return { response: current };
      const next = new URL(location, current.url || origin);
      if (next.href.startsWith(redirectUri)) return { response: current, callback: next };
      current = await request(next.href);
    }
    throw new Error('too many redirects');
  }

  function form(fields: Record<string, string>): RequestInit {
    return {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
      body: new URLSearchParams(fields).toString(),
    };
  }

  return {
    request,
    follow,
    form,
    cookies,
    /** Starts an authorization request; answers the first page (the sign-in page) and what the token exchange needs. */
    async authorize(extra: Record<string, string> = {}) {
      const verifier = randomBytes(32).toString('base64url');
      const state = randomBytes(8).toString('hex');
      const params = new URLSearchParams({
        client_id: 'kura-web',
        response_type: 'code',
        scope: 'openid profile email offline_access',
        redirect_uri: redirectUri,
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
        state,
        ...extra,
      });
      const { response } = await follow(await request(`/oidc/auth?${params}`));
      const uid = /\/oidc\/interaction\/([^/?#]+)/.exec(response.url)?.[1];
      if (!uid) throw new Error(`no interaction page: ${response.status} ${response.url}`);
      return { page: response, uid, verifier, state };
    },
    /** Posts a sign-in or sign-up form and follows through to the callback. */
    async submit(path: string, fields: Record<string, string>) {
      return follow(await request(path, form(fields)));
    },
    async exchange(callback: URL, verifier: string): Promise<Tokens> {
      const code = callback.searchParams.get('code');
      if (!code) throw new Error(`no code in ${callback.href}`);
      const response = await request('/oidc/token', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri,
          client_id: 'kura-web',
          code_verifier: verifier,
        }).toString(),
      });
      if (response.status !== 200) throw new Error(`token exchange: ${response.status} ${await response.text()}`);
      return (await response.json()) as Tokens;
    },
    /** The whole flow for an existing account: authorize, sign in, exchange. */
    async signIn(email: string, password: string): Promise<Tokens> {
      const { uid, verifier } = await this.authorize();
      const { callback } = await this.submit(`/oidc/interaction/${uid}/login`, { email, password });
      if (!callback) throw new Error(`sign-in of ${email} did not reach the callback`);
      return this.exchange(callback, verifier);
    },
  };
}
