import { type User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { readSignInState } from './return-to';
import { type RuntimeConfig, resourceParams } from './runtime-config';

export type AuthStatus = 'loading' | 'signedIn' | 'signedOut' | 'unavailable';

export type AuthSnapshot = {
  status: AuthStatus;
  /** The OIDC session (tokens and ID-token claims); null when signed out. */
  user: User | null;
};

type Listener = () => void;

/**
 * The browser's sign-in session: authorization code + PKCE with oidc-client-ts.
 * Tokens live in sessionStorage (one tab, gone when it closes; never cookies:
 * the API takes bearer tokens only) and are renewed with the refresh token
 * before the access token expires.
 */
export class Auth {
  private manager: UserManager | null = null;
  private config: RuntimeConfig | null = null;
  private snapshot: AuthSnapshot = { status: 'loading', user: null };
  private readonly listeners = new Set<Listener>();
  private renewal: Promise<User | null> | null = null;
  private callback: Promise<string> | null = null;
  private redirecting = false;

  /** Called once at start-up with `/config.json`, or with null when it could not be read. */
  async start(config: RuntimeConfig | null): Promise<void> {
    if (!config) {
      this.set({ status: 'unavailable', user: null });
      return;
    }
    this.config = config;
    const origin = window.location.origin;
    const resource = resourceParams(config.oidc.resource);
    const manager = new UserManager({
      authority: config.oidc.issuer,
      client_id: config.oidc.clientId,
      redirect_uri: `${origin}/auth/callback`,
      post_logout_redirect_uri: `${origin}/`,
      response_type: 'code',
      scope: config.oidc.scope,
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
      stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
      automaticSilentRenew: true,
      loadUserInfo: false,
      monitorSession: false,
      extraQueryParams: resource,
      extraTokenParams: resource,
    });
    this.manager = manager;
    manager.events.addUserLoaded((user) => this.set({ status: 'signedIn', user }));
    manager.events.addUserUnloaded(() => this.set({ status: 'signedOut', user: null }));
    manager.events.addUserSignedOut(() => void this.forget());
    // A refresh token that no longer works (revoked, expired, user disabled) ends the session.
    manager.events.addSilentRenewError(() => void this.forget());

    const stored = await manager.getUser();
    if (stored && !stored.expired) this.set({ status: 'signedIn', user: stored });
    else if (stored?.refresh_token) {
      this.set({ status: 'loading', user: null });
      const renewed = await this.renew();
      if (!renewed) this.set({ status: 'signedOut', user: null });
    } else this.set({ status: 'signedOut', user: null });
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): AuthSnapshot => this.snapshot;

  /** A usable access token, renewed first if it has expired; null when signed out. */
  async getAccessToken(): Promise<string | null> {
    const user = this.snapshot.user;
    if (!user) return null;
    if (!user.expired) return user.access_token;
    return (await this.renew())?.access_token ?? null;
  }

  /** Goes to the provider's sign-in page; `returnTo` is where the app resumes afterwards. */
  async signIn(returnTo = currentPath()): Promise<void> {
    const manager = this.requireManager();
    if (this.redirecting) return;
    this.redirecting = true;
    try {
      await manager.signinRedirect({
        state: { returnTo },
        ui_locales: document.documentElement.lang || 'ja',
      });
    } catch (error) {
      this.redirecting = false;
      throw error;
    }
  }

  /** Finishes the code exchange on /auth/callback (once, even if React renders twice). */
  completeSignIn(): Promise<string> {
    this.callback ??= this.requireManager()
      .signinRedirectCallback()
      .then((user) => readSignInState(user.state).returnTo);
    return this.callback;
  }

  async signOut(): Promise<void> {
    const manager = this.requireManager();
    const user = this.snapshot.user;
    // the page may need a user and would start a new sign-in when this one ends
    this.redirecting = true;
    if (user?.refresh_token) await manager.revokeTokens(['refresh_token']).catch(() => undefined);
    const metadata = await manager.metadataService.getMetadata().catch(() => null);
    if (metadata?.end_session_endpoint) {
      await manager.signoutRedirect({ id_token_hint: user?.id_token });
      return;
    }
    await manager.removeUser();
    const domain = this.config?.oidc.authDomain;
    if (domain) {
      // Cognito's managed login ends its session at /logout (not advertised in discovery).
      const url = new URL(`https://${domain}/logout`);
      url.searchParams.set('client_id', this.config?.oidc.clientId ?? '');
      url.searchParams.set('logout_uri', `${window.location.origin}/`);
      window.location.assign(url.toString());
    } else window.location.assign('/');
  }

  /** The API said 401: the session is gone; sign in again and come back here. */
  async handleUnauthorized(): Promise<void> {
    if (this.redirecting) return;
    await this.forget();
    await this.signIn();
  }

  private async forget(): Promise<void> {
    await this.manager?.removeUser();
    this.set({ status: 'signedOut', user: null });
  }

  private renew(): Promise<User | null> {
    const manager = this.manager;
    if (!manager) return Promise.resolve(null);
    this.renewal ??= manager
      .signinSilent()
      .catch(() => null)
      .finally(() => {
        this.renewal = null;
      });
    return this.renewal;
  }

  private requireManager(): UserManager {
    if (!this.manager) throw new Error('Sign-in is not available: /config.json could not be read');
    return this.manager;
  }

  private set(next: AuthSnapshot): void {
    if (next.status === this.snapshot.status && next.user === this.snapshot.user) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

function currentPath(): string {
  const { pathname, search, hash } = window.location;
  return `${pathname}${search}${hash}`;
}

export const auth = new Auth();
