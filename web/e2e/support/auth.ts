import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';

export const demoPassword = 'kura-demo-1234';
export const demo = {
  customer: 'customer@kura.local',
  staff: 'staff@kura.local',
  admin: 'admin@kura.local',
} as const;

/** A fresh address per call, so every test starts with an empty account. */
export function uniqueEmail(tag = 'user'): string {
  return `${tag}-${randomUUID().slice(0, 8)}@e2e.kura.test`;
}

/** The header's account button, showing the signed-in email. */
export function accountButton(page: Page) {
  return page.getByRole('button', { name: /アカウントメニュー|Account menu/ });
}

async function expectSignedIn(page: Page, email: string): Promise<void> {
  await expect(accountButton(page)).toContainText(email.slice(0, 20));
}

/** From a page that has just been sent to the provider: create an account there and come back. */
export async function signUpOnProvider(page: Page, email = uniqueEmail()): Promise<string> {
  await page.waitForURL(/\/oidc\/interaction\//);
  await page.getByRole('link', { name: /^(アカウント作成|Create an account)$/ }).click();
  await page.getByLabel(/^(メールアドレス|Email address)/).fill(email);
  await page.getByLabel(/^(パスワード|Password)/).fill('e2e-password-1234');
  await page.getByRole('button', { name: /^(アカウントを作成|Create account)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/oidc') && !url.pathname.startsWith('/auth/'));
  await expectSignedIn(page, email);
  return email;
}

/** From a page that has just been sent to the provider: sign in with an existing account. */
export async function signInOnProvider(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.waitForURL(/\/oidc\/interaction\//);
  await page.getByLabel(/^(メールアドレス|Email address)/).fill(email);
  await page.getByLabel(/^(パスワード|Password)/).fill(password);
  await page.getByRole('button', { name: /^(ログイン|Sign in)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/oidc') && !url.pathname.startsWith('/auth/'));
  await expectSignedIn(page, email);
}

/** A new account, signed in, on `path` (a page that needs a user). */
export async function signUpAndOpen(page: Page, path: string): Promise<string> {
  await page.goto(path);
  const email = await signUpOnProvider(page);
  await expect(page).toHaveURL(path);
  return email;
}

/** The access token the app holds (sessionStorage), for arranging data through the API. */
export async function accessToken(page: Page): Promise<string> {
  const token = await page.evaluate(() => {
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i);
      if (key?.startsWith('oidc.user:')) return JSON.parse(sessionStorage.getItem(key) ?? '{}').access_token;
    }
    return null;
  });
  expect(token, 'signed in with a token in sessionStorage').toBeTruthy();
  return token as string;
}
