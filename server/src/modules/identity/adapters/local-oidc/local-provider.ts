import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { createLocalJWKSet } from 'jose';
import Provider, { type Configuration, errors, type KoaContextWithOIDC } from 'oidc-provider';
import { createJwtVerifier, type JwtVerifier } from '../../../../platform/auth/jwt-verifier.js';
import type { Database } from '../../../../platform/db/database.js';
import { createRateLimiter } from '../../../../platform/http/rate-limiter.js';
import type { Logger } from '../../../../platform/observability/logger.js';
import { findAccount } from './account-store.js';
import { type DemoSignIn, demoSignIns, seedDemoAccounts } from './demo-accounts.js';
import { createInteractionRoutes, type InteractionLimits } from './interactions.js';
import { createMemoryAdapterFactory } from './memory-adapter.js';
import { chooseLanguage, messages } from './messages.js';
import { pageSecurityHeaders, renderNotice, renderSignOut } from './pages.js';
import { loadProviderKeys } from './provider-keys.js';

/** Where the provider lives on Kura's own server. */
const localProviderPath = '/oidc';
/** Kura's single-page app: a public client using authorization code + PKCE. */
const webClientId = 'kura-web';
/** What the app asks for; the access token for the API carries `email` and `groups`. */
const webClientScope = 'openid profile email offline_access';
const accessTokenTtlSeconds = 15 * 60;

export type LocalProvider = {
  /** `${origin}/oidc`: the issuer of ID and access tokens. */
  issuer: string;
  /** The resource indicator that names Kura's API (the token's `aud` is the configured audience). */
  apiResource: string;
  clientId: string;
  /** Verifies the API's bearer tokens with the provider's own public keys, in process. */
  verifyAccessToken: JwtVerifier;
  /** Demo accounts that exist (local profile), for the start banner. */
  demoSignIns: readonly DemoSignIn[];
  /** Whether a request belongs to the provider. */
  owns(url: string | undefined): boolean;
  handle(req: IncomingMessage, res: ServerResponse): void;
  close(): void;
};

export type LocalProviderOptions = {
  db: Database;
  /** Kura's own origin, e.g. http://localhost:3000 (the issuer is under it). */
  origin: string;
  /** The `aud` of API access tokens (config.auth.audience). */
  audience: string;
  /** Other origins the app may be served from (the Vite dev server): allowed as redirect targets and for CORS. */
  appOrigins?: readonly string[];
  logger: Logger;
  /** Create customer, staff and admin demo accounts (local profile only). */
  demoAccounts: boolean;
  limits?: Partial<InteractionLimits>;
};

/**
 * The embedded stand-in for Cognito: oidc-provider (OpenID Certified) in
 * Kura's process, mounted under /oidc on Kura's own port. Its signing keys,
 * cookie keys and accounts live in PostgreSQL; its sessions and grants in
 * memory. Kura never signs a token itself.
 */
export async function startLocalProvider(options: LocalProviderOptions): Promise<LocalProvider> {
  const { db, logger, audience } = options;
  const origin = options.origin.replace(/\/$/, '');
  const issuer = `${origin}${localProviderPath}`;
  const apiResource = `${origin}/api`;
  const appOrigins = [...new Set([origin, ...(options.appOrigins ?? [])].map((o) => new URL(o).origin))];
  const secureCookies = new URL(issuer).protocol === 'https:';

  const keys = await loadProviderKeys(db);
  if (options.demoAccounts) await seedDemoAccounts(db);
  const memory = createMemoryAdapterFactory();

  const configuration: Configuration = {
    adapter: memory.factory,
    clients: [
      {
        client_id: webClientId,
        client_name: 'Kura',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: appOrigins.map((o) => `${o}/auth/callback`),
        post_logout_redirect_uris: appOrigins.map((o) => `${o}/`),
        scope: webClientScope,
      },
    ],
    jwks: keys.signing as Configuration['jwks'],
    cookies: {
      keys: keys.cookies,
      long: { httpOnly: true, sameSite: 'lax', secure: secureCookies },
      short: { httpOnly: true, sameSite: 'lax', secure: secureCookies },
    },
    scopes: ['openid', 'offline_access', 'profile', 'email'],
    responseTypes: ['code'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    async findAccount(_ctx, sub) {
      const account = await findAccount(db, sub);
      if (!account) return undefined;
      return {
        accountId: account.subject,
        claims: async () => ({
          sub: account.subject,
          email: account.email,
          email_verified: true,
          name: account.displayName || account.email,
        }),
      };
    },
    // RFC 9068 access tokens carry what the API reads: email and groups (Cognito puts `cognito:groups`).
    async extraTokenClaims(_ctx, token) {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const account = await findAccount(db, token.accountId);
      // and the name given at sign-up, so the user record made at first sign-in carries it
      return account
        ? {
            email: account.email,
            groups: account.groups,
            ...(account.displayName ? { name: account.displayName } : {}),
          }
        : undefined;
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.type = 'html';
          ctx.body = renderSignOut({ language: languageOf(ctx), form });
        },
        async postLogoutSuccessSource(ctx) {
          const language = languageOf(ctx);
          const t = messages[language];
          ctx.type = 'html';
          ctx.body = renderNotice({
            language,
            title: t.signedOutTitle,
            text: t.signedOut,
            link: { href: `${origin}/`, label: t.backToApp },
          });
        },
      },
      resourceIndicators: {
        enabled: true,
        // The app need not send `resource`: Kura's API is the only resource server.
        defaultResource: async (_ctx, _client, oneOf) => oneOf ?? apiResource,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resource) => {
          if (resource !== apiResource) throw new errors.InvalidTarget();
          return {
            audience,
            scope: 'openid profile email',
            accessTokenFormat: 'jwt',
            accessTokenTTL: accessTokenTtlSeconds,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    interactions: { url: async (_ctx, interaction) => `${localProviderPath}/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    // Kura's app is first-party: it gets refresh tokens without `prompt=consent` (as with Cognito).
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    clientBasedCORS: (_ctx, requestOrigin, client) =>
      client.redirectUris?.some((uri) => new URL(uri).origin === requestOrigin) ?? false,
    ttl: {
      AccessToken: accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 15 * 60,
      Interaction: 60 * 60,
      Session: 24 * 60 * 60,
      Grant: 14 * 24 * 60 * 60,
      RefreshToken: 14 * 24 * 60 * 60,
    },
    async renderError(ctx, out) {
      const language = languageOf(ctx);
      const t = messages[language];
      ctx.type = 'html';
      ctx.body = renderNotice({
        language,
        title: t.errorTitle,
        text: `${t.errorLead} (${out.error})`,
        link: { href: `${origin}/`, label: t.backToApp },
      });
    },
  };

  const provider = new Provider(issuer, configuration);
  provider.on('server_error', (_ctx, err) => logger.error({ err }, 'local provider: server error'));
  // The provider builds the URLs it publishes (discovery, redirects) from the request's host and
  // protocol; `handle` below overwrites the forwarded ones with the issuer's, so only those count.
  provider.proxy = true;
  provider.use(async (ctx, next) => {
    await next();
    ctx.set(pageSecurityHeaders);
    if (!ctx.response.get('Cache-Control')) ctx.set('Cache-Control', 'no-store');
  });
  const issuerUrl = new URL(issuer);

  const interactions = createInteractionRoutes({
    provider,
    db,
    logger,
    demoSignIns: options.demoAccounts ? demoSignIns : [],
    appUrl: `${origin}/`,
    limits: {
      failedSignIns: options.limits?.failedSignIns ?? createRateLimiter({ limit: 5, windowMs: 15 * 60_000 }),
      postsPerIp: options.limits?.postsPerIp ?? createRateLimiter({ limit: 30, windowMs: 60_000 }),
    },
  });
  const interactionListener = getRequestListener(interactions.fetch);
  const providerListener = provider.callback();

  return {
    issuer,
    apiResource,
    clientId: webClientId,
    verifyAccessToken: createJwtVerifier({ issuer, audience, keys: createLocalJWKSet(keys.public) }),
    demoSignIns: options.demoAccounts ? demoSignIns : [],
    owns: (url) => url === localProviderPath || (url?.startsWith(`${localProviderPath}/`) ?? false),
    handle(req, res) {
      const url = req.url ?? '/';
      // Whatever host the request names (Host: evil.example), the provider answers as the issuer.
      req.headers.host = issuerUrl.host;
      req.headers['x-forwarded-host'] = issuerUrl.host;
      req.headers['x-forwarded-proto'] = issuerUrl.protocol.slice(0, -1);
      delete req.headers['x-forwarded-for'];
      delete req.headers.forwarded;
      if (url.startsWith(`${localProviderPath}/interaction/`)) {
        void interactionListener(req, res);
        return;
      }
      // Mounted like Express's app.use('/oidc', …): the provider sees its own paths and builds URLs from originalUrl.
      Object.assign(req, { originalUrl: url });
      req.url = url.slice(localProviderPath.length) || '/';
      void providerListener(req, res);
    },
    close: () => memory.close(),
  };
}

function languageOf(ctx: KoaContextWithOIDC) {
  const uiLocales = ctx.oidc?.params?.ui_locales;
  return chooseLanguage({
    uiLocales: typeof uiLocales === 'string' ? uiLocales : undefined,
    acceptLanguage: ctx.get('accept-language'),
  });
}
