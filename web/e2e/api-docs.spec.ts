import { expect, test } from '@playwright/test';

// /api/docs must work on a machine with no internet: every request stays on this origin,
// nothing is refused (the page's CSP would log each refusal), and no button offers what
// cannot work offline (Scalar's AI agent, sharing, deploying).

test('the API docs load offline: only same-origin requests, none failed, no console errors', async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? '').origin;
  const foreign: string[] = [];
  const failed: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) foreign.push(request.url());
  });
  page.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.url()}: ${response.status()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));

  await page.goto('/api/docs');
  // Rendered from the document: the sidebar lists the operations by summary
  await expect(page.getByRole('button', { name: /^Search and browse products/ })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: /^Search and browse products/ }).click();
  // the operation ids generated clients name their methods after
  await expect.soft(page.getByText('listProducts', { exact: true }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');

  console.log(
    `api docs: ${foreign.length} foreign requests, ${failed.length} failed, ${consoleErrors.length} console errors`,
  );
  expect.soft(foreign, 'requests to other origins').toEqual([]);
  expect.soft(failed, 'failed requests').toEqual([]);
  expect.soft(consoleErrors, 'console errors').toEqual([]);

  for (const name of [/Ask AI/i, /^Share$/i, /^Deploy$/i, /^Configure$/i, /Developer Tools/i, /Open API Client/i]) {
    await expect.soft(page.getByRole('button', { name }), String(name)).toHaveCount(0);
    await expect.soft(page.getByRole('link', { name }), String(name)).toHaveCount(0);
  }
  // No link leaves this machine but Scalar's credit ("Powered by Scalar"), which is not a feature of the page.
  const links = await page
    .locator('a[href]')
    .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  const leaving = links.filter((href) => href.startsWith('http') && new URL(href).origin !== origin);
  expect.soft(leaving.filter((href) => href !== 'https://www.scalar.com/')).toEqual([]);
});
