import type { DemoSignIn } from './demo-accounts.js';
import { type Language, type Messages, messages } from './messages.js';

/**
 * The provider's pages: small server-rendered HTML with inline styles in
 * Kura's palette (washi paper, sumi ink, ai indigo), no script, nothing
 * fetched from elsewhere. Every value from outside goes through `escape`.
 */

/**
 * What every response of the provider carries, its own pages and oidc-provider's
 * (sign-out, errors, JSON): pages that fit this policy (inline styles, no script),
 * and no framing: a framed sign-out or sign-in could be clicked through by an overlay.
 */
export const pageSecurityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
  'X-Frame-Options': 'DENY',
  // Not no-referrer: with it, browsers post the forms with `Origin: null`, which the sign-in's origin check refuses.
  'Referrer-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
};

type Layout = {
  language: Language;
  title: string;
  /** The same page in the other language; omitted on pages that cannot be re-shown. */
  switchTo?: string | undefined;
  body: string;
};

function renderLayout({ language, title, switchTo, body }: Layout): string {
  const t = messages[language];
  const other: Language = language === 'ja' ? 'en' : 'ja';
  const switcher = switchTo
    ? `<a class="lang" href="${escapeHtml(switchTo)}" hreflang="${other}" lang="${other}">${t.otherLanguage}</a>`
    : '';
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · 蔵 Kura</title>
<style>${styles}</style>
</head>
<body>
<main>
<header><span class="brand"><span class="mark" aria-hidden="true">蔵</span>Kura</span>${switcher}</header>
${body}
</main>
</body>
</html>`;
}

export function renderSignIn(options: {
  language: Language;
  uid: string;
  email?: string | undefined;
  error?: string | undefined;
  demoSignIns: readonly DemoSignIn[];
}): string {
  const { language, uid } = options;
  const t = messages[language];
  const base = interactionPath(uid);
  const body = `<h1>${t.signInTitle}</h1>
<p class="lead">${t.signInLead}</p>
${errorBlock(options.error)}
<form method="post" action="${base}/login">
<input type="hidden" name="lang" value="${language}">
<label for="email">${t.email}</label>
<input id="email" name="email" type="email" autocomplete="username" required maxlength="254" value="${escapeHtml(options.email ?? '')}"${options.email ? '' : ' autofocus'}>
<label for="password">${t.password}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="128"${options.email ? ' autofocus' : ''}>
<button type="submit">${t.signIn}</button>
</form>
<p class="alt">${t.noAccount} <a href="${base}/signup?lang=${language}">${t.signUpTitle}</a></p>
${demoBlock(t, options.demoSignIns)}
${cancelBlock(t, uid, language)}`;
  return renderLayout({ language, title: t.signInTitle, switchTo: `${base}?lang=${other(language)}`, body });
}

export function renderSignUp(options: {
  language: Language;
  uid: string;
  email?: string | undefined;
  displayName?: string | undefined;
  error?: string | undefined;
}): string {
  const { language, uid } = options;
  const t = messages[language];
  const base = interactionPath(uid);
  const body = `<h1>${t.signUpTitle}</h1>
<p class="lead">${t.signUpLead}</p>
${errorBlock(options.error)}
<form method="post" action="${base}/signup">
<input type="hidden" name="lang" value="${language}">
<label for="email">${t.email}</label>
<input id="email" name="email" type="email" autocomplete="email" required maxlength="254" value="${escapeHtml(options.email ?? '')}" autofocus>
<label for="display-name">${t.displayName} <span class="hint">(${t.optional})</span></label>
<input id="display-name" name="displayName" type="text" autocomplete="name" maxlength="100" value="${escapeHtml(options.displayName ?? '')}">
<label for="password">${t.password} <span class="hint">(${t.passwordHint})</span></label>
<input id="password" name="password" type="password" autocomplete="new-password" required minlength="8" maxlength="128">
<button type="submit">${t.signUp}</button>
</form>
<p class="alt">${t.haveAccount} <a href="${base}?lang=${language}">${t.signInTitle}</a></p>
${cancelBlock(t, uid, language)}`;
  return renderLayout({ language, title: t.signUpTitle, switchTo: `${base}/signup?lang=${other(language)}`, body });
}

/** A page with a title, a sentence and optionally a way back: expiry, errors, signed out. */
export function renderNotice(options: {
  language: Language;
  title: string;
  text: string;
  link?: { href: string; label: string } | undefined;
}): string {
  const link = options.link
    ? `<p class="alt"><a href="${escapeHtml(options.link.href)}">${escapeHtml(options.link.label)}</a></p>`
    : '';
  return renderLayout({
    language: options.language,
    title: options.title,
    body: `<h1>${escapeHtml(options.title)}</h1>\n<p class="lead">${escapeHtml(options.text)}</p>\n${link}`,
  });
}

/** oidc-provider's end-session confirmation; `form` is its own hidden form (id `op.logoutForm`, with its CSRF secret). */
export function renderSignOut(options: { language: Language; form: string }): string {
  const t = messages[options.language];
  return renderLayout({
    language: options.language,
    title: t.signOutTitle,
    body: `<h1>${t.signOutTitle}</h1>
<p class="lead">${t.signOutLead}</p>
${options.form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>${t.signOutYes}</button>
<button type="submit" form="op.logoutForm" class="secondary">${t.signOutNo}</button>`,
  });
}

function interactionPath(uid: string): string {
  return `/oidc/interaction/${encodeURIComponent(uid)}`;
}

function errorBlock(error: string | undefined): string {
  return error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '';
}

function cancelBlock(t: Messages, uid: string, language: Language): string {
  return `<form method="post" action="${interactionPath(uid)}/abort" class="cancel"><input type="hidden" name="lang" value="${language}"><button type="submit" class="link">${t.cancel}</button></form>`;
}

function demoBlock(t: Messages, demo: readonly DemoSignIn[]): string {
  if (demo.length === 0) return '';
  const roleName = { customer: t.roleCustomer, staff: t.roleStaff, admin: t.roleAdmin };
  const rows = demo
    .map(
      (d) =>
        `<tr><th scope="row">${roleName[d.role]}</th><td>${escapeHtml(d.email)}</td><td>${escapeHtml(d.password)}</td></tr>`,
    )
    .join('');
  return `<details class="demo"><summary>${t.demoTitle}</summary><table>${rows}</table></details>`;
}

function other(language: Language): Language {
  return language === 'ja' ? 'en' : 'ja';
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const styles = `
*{box-sizing:border-box}
html{background:#f6f1e6;color:#2f2e2b;font:16px/1.6 system-ui,-apple-system,"Hiragino Sans","Hiragino Kaku Gothic ProN","Noto Sans JP","Yu Gothic",Meiryo,sans-serif}
body{margin:0;min-height:100vh;display:flex;align-items:flex-start;justify-content:center;padding:8vh 1rem 2rem}
main{width:100%;max-width:25rem;background:#fbf8f1;border:1px solid #ddd2bc;border-radius:14px;padding:1.75rem 2rem 1.5rem;box-shadow:0 1px 2px rgba(29,28,26,.06),0 8px 24px rgba(29,28,26,.06)}
header{display:flex;align-items:center;justify-content:space-between;margin-bottom:1.5rem}
.brand{display:inline-flex;align-items:center;gap:.5rem;font-weight:600;letter-spacing:.04em;color:#1b2541}
.mark{display:inline-grid;place-items:center;width:2rem;height:2rem;border-radius:6px;background:#243259;color:#fbf8f1;font-size:1.1rem}
.lang{font-size:.875rem;color:#2c3f73;text-decoration:none;border:1px solid #ddd2bc;border-radius:999px;padding:.15rem .75rem}
.lang:hover{background:#ece4d3}
h1{font-size:1.4rem;margin:0 0 .25rem;color:#1d1c1a;word-break:keep-all;overflow-wrap:anywhere}
.lead{margin:0 0 1.25rem;color:#57554f;font-size:.95rem}
:lang(ja) h1,:lang(ja) .lead,:lang(ja) .error{word-break:auto-phrase}
label{display:block;font-size:.875rem;font-weight:600;margin:1rem 0 .35rem;color:#45433e}
.hint{font-weight:400;color:#6b6964}
input[type=email],input[type=password],input[type=text]{width:100%;font:inherit;padding:.6rem .75rem;border:1px solid #ddd2bc;border-radius:8px;background:#fff;color:#1d1c1a}
input:focus{outline:2px solid #2c3f73;outline-offset:1px;border-color:#2c3f73}
button{display:block;width:100%;margin-top:1.5rem;font:inherit;font-weight:600;padding:.7rem 1rem;border:0;border-radius:8px;background:#243259;color:#fbf8f1;cursor:pointer}
button:hover{background:#1b2541}
button:focus-visible,a:focus-visible{outline:2px solid #b03a2e;outline-offset:2px}
button.secondary{background:transparent;color:#2c3f73;border:1px solid #ddd2bc;margin-top:.75rem}
button.link{display:inline;width:auto;margin:0;padding:0;background:none;color:#6b6964;font-weight:400;font-size:.875rem;text-decoration:underline;text-underline-offset:3px}
button.link:hover{color:#2f2e2b;background:none}
.error{margin:0 0 .5rem;padding:.6rem .8rem;border-radius:8px;background:#fbeae7;border:1px solid #e9b8b1;color:#8f2d23;font-size:.9rem}
.alt{margin:1.25rem 0 0;font-size:.9rem;color:#57554f}
.alt a{color:#2c3f73;font-weight:600}
.cancel{margin-top:1rem;text-align:center}
.demo{margin-top:1.25rem;border-top:1px solid #ece4d3;padding-top:1rem;font-size:.85rem;color:#57554f}
.demo summary{cursor:pointer;color:#45433e}
.demo table{margin-top:.5rem;border-collapse:collapse;width:100%}
.demo th,.demo td{text-align:left;padding:.2rem .4rem .2rem 0;font-weight:400}
.demo td{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.8rem}
`;
