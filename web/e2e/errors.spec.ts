import { expect, test } from '@playwright/test';
import { readCards, resultList } from './support/catalog';

// A real server does not fail on demand, so this one test intercepts the request.
test('when the list API fails (failure simulated by route interception) the page explains and retries', async ({
  page,
}) => {
  let failing = true;
  await page.route('**/api/products?*', async (route) => {
    if (!failing) return route.continue();
    return route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'down', requestId: 'req-e2e-1' } }),
    });
  });

  await page.goto('/products');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('読み込めませんでした', { timeout: 15_000 }); // after the automatic retries
  await expect(alert).toContainText('問い合わせ番号：req-e2e-1');

  failing = false;
  await alert.getByRole('button', { name: '再試行' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await readCards(resultList(page))).toHaveLength(24);
});
