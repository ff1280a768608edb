import { createHash } from 'node:crypto';
import type { HttpBindings } from '@hono/node-server';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type Provider from 'oidc-provider';
import { errors, type InteractionResults } from 'oidc-provider';
import { z } from 'zod';
import type { Database } from '../../../../platform/db/database.js';
import { findNulCharacter } from '../../../../platform/http/nul-character.js';
import type { RateLimiter } from '../../../../platform/http/rate-limiter.js';
import type { Logger } from '../../../../platform/observability/logger.js';
import {
  authenticateAccount,
  createAccount,
  normalizeEmail,
  passwordMaxLength,
  passwordMinLength,
} from './account-store.js';
import type { DemoSignIn } from './demo-accounts.js';
import { chooseLanguage, type Language, type Messages, messages } from './messages.js';
import { pageSecurityHeaders, renderNotice, renderSignIn, renderSignUp } from './pages.js';

type Env = { Bindings: HttpBindings };

export type InteractionLimits = {
  /** Failed sign-ins per IP and email address. */
  failedSignIns: RateLimiter;
  /** Sign-in and sign-up form posts per IP, whatever their outcome. */
  postsPerIp: RateLimiter;
};

/**
 * Kura's sign-in and sign-up pages for oidc-provider's interactions, at
 * `/oidc/interaction/:uid`. The provider's interaction cookie (signed,
 * SameSite=Lax, scoped to this path) must name the same uid as the URL, and
 * form posts must come from this origin: a page elsewhere cannot post here.
 * Kura's own app is the only client, so consent is granted without a screen.
 */
export function createInteractionRoutes(deps: {
  provider: Provider;
  db: Database;
  logger: Logger;
  limits: InteractionLimits;
  demoSignIns: readonly DemoSignIn[];
  /** Where "return to the app" leads. */
  appUrl: string;
}): Hono<Env> {
  const { provider, db, limits, logger } = deps;
  const app = new Hono<Env>().basePath('/oidc/interaction');

  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
    for (const [name, value] of Object.entries(pageSecurityHeaders)) c.header(name, value);
  });
  app.use('*', bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text('Payload too large', 413) }));
  app.post('*', async (c, next) => {
    const origin = c.req.header('origin');
    // `Origin: null` comes from privacy settings as well as from sandboxed frames; the browser's own
    // Sec-Fetch-Site (which no page can set) tells whether the form was really this site's.
    const sameSite = origin === 'null' && c.req.header('sec-fetch-site') === 'same-origin';
    if (origin !== undefined && origin !== new URL(c.req.url).origin && !sameSite) return c.text('Forbidden', 403);
    await next();
  });

  const details = async (c: Context<Env>) => {
    const interaction = await provider.interactionDetails(c.env.incoming, c.env.outgoing);
    if (interaction.uid !== c.req.param('uid')) throw new errors.SessionNotFound('interaction uid mismatch');
    return interaction;
  };
  const finish = async (c: Context<Env>, result: InteractionResults) => {
    const returnTo = await provider.interactionResult(c.env.incoming, c.env.outgoing, result, {
      mergeWithLastSubmission: false,
    });
    return c.redirect(returnTo, 303);
  };
  const languageOf = (c: Context<Env>, form?: { lang?: unknown }, uiLocales?: unknown) =>
    chooseLanguage({
      explicit: typeof form?.lang === 'string' ? form.lang : c.req.query('lang'),
      uiLocales: typeof uiLocales === 'string' ? uiLocales : undefined,
      acceptLanguage: c.req.header('accept-language'),
    });
  const clientIp = (c: Context<Env>) => c.env.incoming.socket.remoteAddress ?? 'unknown';

  app.get('/:uid', async (c) => {
    const interaction = await details(c);
    const { prompt, params } = interaction;
    if (prompt.name === 'consent')
      return finish(c, { consent: { grantId: await grantConsent(provider, interaction) } });
    const language = languageOf(c, undefined, params.ui_locales);
    if (prompt.name !== 'login') return unexpected(c, language);
    const loginHint = typeof params.login_hint === 'string' ? params.login_hint : undefined;
    return c.html(renderSignIn({ language, uid: interaction.uid, email: loginHint, demoSignIns: deps.demoSignIns }));
  });

  app.get('/:uid/signup', async (c) => {
    const interaction = await details(c);
    const language = languageOf(c, undefined, interaction.params.ui_locales);
    if (interaction.prompt.name !== 'login') return unexpected(c, language);
    return c.html(renderSignUp({ language, uid: interaction.uid }));
  });

  app.post('/:uid/login', async (c) => {
    const interaction = await details(c);
    const form = signInForm.safeParse(await c.req.parseBody());
    const language = languageOf(c, form.data, interaction.params.ui_locales);
    const t = messages[language];
    if (interaction.prompt.name !== 'login') return unexpected(c, language);
    const email = form.success ? form.data.email : '';
    const page = (error: string, status: 200 | 400 | 429 = 200) =>
      c.html(renderSignIn({ language, uid: interaction.uid, email, error, demoSignIns: deps.demoSignIns }), status);

    const ip = clientIp(c);
    const failureKey = `${ip}|${normalizeEmail(email)}`;
    // Who tried, for the security log: the address is personal data, so only its hash (the same for each
    // spelling of it) goes there; the password never does.
    const attempt = { ip, emailHash: emailHashOf(email) };
    const limited = firstRefusal(limits.postsPerIp.hit(ip), limits.failedSignIns.check(failureKey));
    if (limited) {
      logger.warn(
        { ...attempt, retryAfterSeconds: limited.retryAfterSeconds },
        'local provider: sign-in refused, too many attempts',
      );
      c.header('Retry-After', String(limited.retryAfterSeconds));
      return page(tooMany(t, limited.retryAfterSeconds), 429);
    }
    const nulIn = fieldWithNul(form.data, t);
    if (nulIn) return page(nulIn, 400);
    const account = form.success ? await authenticateAccount(db, form.data) : undefined;
    if (!account) {
      limits.failedSignIns.hit(failureKey);
      logger.warn(attempt, 'local provider: sign-in failed');
      const lockout = limits.failedSignIns.check(failureKey);
      if (!lockout.allowed) {
        logger.warn({ ...attempt, retryAfterSeconds: lockout.retryAfterSeconds }, 'local provider: sign-in locked out');
      }
      // One message for an unknown email and a wrong password: no account enumeration.
      return page(t.invalidCredentials);
    }
    limits.failedSignIns.reset(failureKey);
    return finish(c, { login: { accountId: account.subject, amr: ['pwd'] } });
  });

  app.post('/:uid/signup', async (c) => {
    const interaction = await details(c);
    const body = await c.req.parseBody();
    const form = signUpForm.safeParse(body);
    const language = languageOf(c, body, interaction.params.ui_locales);
    const t = messages[language];
    if (interaction.prompt.name !== 'login') return unexpected(c, language);
    const page = (error: string, status: 200 | 400 | 429 = 200) =>
      c.html(
        renderSignUp({
          language,
          uid: interaction.uid,
          email: typeof body.email === 'string' ? body.email.slice(0, 254) : '',
          displayName: typeof body.displayName === 'string' ? body.displayName.slice(0, 100) : '',
          error,
        }),
        status,
      );

    const limited = firstRefusal(limits.postsPerIp.hit(clientIp(c)));
    if (limited) {
      logger.warn(
        { ip: clientIp(c), retryAfterSeconds: limited.retryAfterSeconds },
        'local provider: sign-up refused, too many attempts',
      );
      c.header('Retry-After', String(limited.retryAfterSeconds));
      return page(tooMany(t, limited.retryAfterSeconds), 429);
    }
    const nulIn = fieldWithNul(body, t);
    if (nulIn) return page(nulIn, 400);
    if (!form.success) return page(t[signUpProblem(form.error)]);
    const result = await createAccount(db, { ...form.data, groups: ['customer'] });
    if (!result.created) return page(t.emailTaken);
    logger.info({ subject: result.account.subject }, 'local provider: account created');
    return finish(c, { login: { accountId: result.account.subject, amr: ['pwd'] } });
  });

  app.post('/:uid/abort', async (c) => {
    await details(c);
    return finish(c, { error: 'access_denied', error_description: 'the user cancelled the sign-in' });
  });

  app.notFound((c) => c.text('Not found', 404));
  app.onError((err, c) => {
    const language = languageOf(c);
    const t = messages[language];
    const link = { href: deps.appUrl, label: t.backToApp };
    if (err instanceof errors.SessionNotFound) {
      return c.html(renderNotice({ language, title: t.expiredTitle, text: t.expired, link }), 400);
    }
    logger.error({ err }, 'local provider: interaction failed');
    return c.html(renderNotice({ language, title: t.errorTitle, text: t.errorLead, link }), 500);
  });

  function unexpected(c: Context<Env>, language: Language) {
    const t = messages[language];
    const link = { href: deps.appUrl, label: t.backToApp };
    return c.html(renderNotice({ language, title: t.errorTitle, text: t.errorLead, link }), 400);
  }

  return app;
}

/** Consent for Kura's own app: whatever it asked for that the grant lacks. */
async function grantConsent(
  provider: Provider,
  interaction: Awaited<ReturnType<Provider['interactionDetails']>>,
): Promise<string> {
  const { prompt, params, session, grantId } = interaction;
  const accountId = session?.accountId;
  if (!accountId) throw new Error('consent without a signed-in account');
  const existing = grantId ? await provider.Grant.find(grantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId, clientId: String(params.client_id) });
  const missing = prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  return grant.save();
}

const emailField = z.string().trim().max(254).pipe(z.email());
const signInForm = z.object({
  email: z.string().trim().max(254),
  password: z.string().min(1).max(passwordMaxLength),
  lang: z.string().optional(),
});
const signUpForm = z.object({
  email: emailField,
  password: z.string().min(passwordMinLength).max(passwordMaxLength),
  displayName: z.string().trim().max(100).default(''),
});

function signUpProblem(error: z.ZodError): keyof Messages {
  const issue = error.issues[0];
  const field = issue?.path[0];
  if (field === 'password') return issue?.code === 'too_big' ? 'passwordTooLong' : 'passwordTooShort';
  if (field === 'displayName') return 'displayNameTooLong';
  return 'invalidEmail';
}

/** A form field holding U+0000 (which PostgreSQL text cannot store), as the message that names it. */
function fieldWithNul(form: Record<string, unknown> | undefined, t: Messages): string | undefined {
  const field = findNulCharacter(form)?.[0];
  if (field === undefined) return undefined;
  const label = field === 'email' || field === 'password' || field === 'displayName' ? t[field] : String(field);
  return t.invalidCharacter.replace('{field}', label);
}

/** A short, stable pseudonym for an address in logs: lines about one address can be matched, the address is not shown. */
export function emailHashOf(email: string): string {
  return createHash('sha256').update(normalizeEmail(email)).digest('hex').slice(0, 16);
}

function firstRefusal(...decisions: ReturnType<RateLimiter['hit']>[]): { retryAfterSeconds: number } | undefined {
  for (const decision of decisions) if (!decision.allowed) return decision;
  return undefined;
}

function tooMany(t: Messages, retryAfterSeconds: number): string {
  return t.tooManyAttempts.replace('{minutes}', String(Math.max(1, Math.ceil(retryAfterSeconds / 60))));
}
