import { expect, test } from '@playwright/test';
import { signUpAndOpen } from './support/auth';
import { readCards, resultList } from './support/catalog';
import { checkOut, stockedProducts } from './support/shop';

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

// The server's messages are English, for logs and API users: a Japanese page words the code instead.
test('a refused cancel (a 500 with an English message, simulated by route interception) is told in Japanese', async ({
  page,
}) => {
  const [product] = await stockedProducts(page, 1);
  if (!product) throw new Error('unreachable');
  await signUpAndOpen(page, '/orders');
  await checkOut(page, product);

  await page.route('**/api/orders/*/cancel', (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'INTERNAL', message: 'Database exploded', requestId: 'req-e2e-2' } }),
    }),
  );
  await page.getByRole('button', { name: '注文をキャンセル' }).click();
  await page.getByRole('button', { name: 'キャンセルする' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText(
    'キャンセルできませんでした：サーバーで問題が発生しました。時間をおいて再度お試しください。',
  );
  await expect(page.getByRole('main')).not.toContainText('Database exploded');
});
