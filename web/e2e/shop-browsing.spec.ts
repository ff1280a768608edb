import { expect, type Page, test } from '@playwright/test';
import { signUpOnProvider } from './support/auth';
import { readCards, resultList, shownCount } from './support/catalog';
import { cartLink } from './support/shop';

test('a product card puts one unit in the cart without leaving the list; a sold-out card offers none', async ({
  page,
}) => {
  await page.goto('/products?inStock=true&sort=price_asc');
  await shownCount(page);
  const [card] = await readCards(resultList(page));
  if (!card) throw new Error('unreachable');
  await expect(cartLink(page)).toHaveAccessibleName('カート 0 点');
  const add = resultList(page).getByRole('listitem').first().getByRole('button');
  // the product's name is in the button's name, so a list of them is told apart
  const escaped = card.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await expect(add).toHaveAccessibleName(new RegExp(`^カートに入れる\\s*:\\s*${escaped}$`));
  await add.click();
  await expect(cartLink(page)).toHaveAccessibleName('カート 1 点');
  await expect(page.getByText('カートに入れました。')).toBeVisible();
  await expect(page).toHaveURL('/products?inStock=true&sort=price_asc');

  const soldOut = (await (await page.request.get('/api/products?inStock=false&limit=1')).json()) as {
    items: { name: { ja: string } }[];
  };
  const soldOutName = soldOut.items[0]?.name.ja ?? '';
  await page.goto(`/products?${new URLSearchParams({ q: soldOutName })}`);
  await shownCount(page);
  const soldOutCard = resultList(page).getByRole('listitem').filter({ hasText: soldOutName });
  await expect(soldOutCard).toContainText('売り切れ');
  await expect(soldOutCard.getByRole('button')).toHaveCount(0);
});

test('new arrivals show only what can be bought; a list shows sold-out products after the rest', async ({ page }) => {
  await page.goto('/');
  const arrivals = await readCards(page.getByRole('list', { name: '新着商品' }));
  expect(arrivals).toHaveLength(8);
  for (const card of arrivals) expect(card.availability).not.toBe('売り切れ');

  // the whole catalog by price, page after page: every sold-out product after every other
  const response = await page.request.get('/api/products?sort=price_asc&limit=100');
  const first = (await response.json()) as { items: { availability: { status: string } }[]; nextCursor: string };
  const next = await page.request.get(`/api/products?sort=price_asc&limit=100&cursor=${first.nextCursor}`);
  const rest = (await next.json()) as typeof first;
  const statuses = [...first.items, ...rest.items].map((item) => item.availability.status === 'sold_out');
  expect(statuses.length).toBe(200);
  expect(statuses.indexOf(true)).toBeGreaterThan(0);
  expect(statuses.slice(statuses.indexOf(true)).every(Boolean)).toBe(true);
});

async function headerFits(page: Page): Promise<void> {
  const header = await page.locator('header').first().boundingBox();
  expect(header?.height, 'header height at 390×844').toBeLessThanOrEqual(110);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling').toBe(390);
  // the first product starts above the fold
  const firstCard = await resultList(page).getByRole('listitem').first().boundingBox();
  expect(firstCard?.y ?? 9999).toBeLessThan(844);
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the header is two rows, nothing scrolls sideways, in both languages, signed in or not', async ({ page }) => {
    await page.goto('/products');
    await shownCount(page);
    await headerFits(page);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await signUpOnProvider(page);
    await shownCount(page);
    await headerFits(page);
    await expect(page.getByRole('navigation', { name: 'メインナビゲーション' }).getByRole('link')).toHaveText([
      '商品一覧',
      'やること',
    ]);

    // the language switch shows the other language only, short
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await shownCount(page);
    await headerFits(page);
    await expect(cartLink(page)).toHaveAccessibleName('Cart 0 items');
  });

  test('product names break between phrases, not inside a word', async ({ page }) => {
    await page.goto('/products?sort=name');
    await shownCount(page);
    const name = resultList(page).getByRole('heading', { level: 3 }).first();
    const style = await name.evaluate((el) => {
      const css = getComputedStyle(el);
      return { wordBreak: css.wordBreak, overflowWrap: css.overflowWrap };
    });
    expect(['auto-phrase', 'keep-all']).toContain(style.wordBreak);
    expect(style.overflowWrap).toBe('anywhere');
  });
});
