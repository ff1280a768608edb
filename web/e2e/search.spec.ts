import { expect, test } from '@playwright/test';
import { readCards, resultList, searchFromHeader, shownCount } from './support/catalog';
import { switchLanguage } from './support/language';

test('searching in Japanese finds products by their Japanese name', async ({ page }) => {
  await page.goto('/');
  await searchFromHeader(page, '味噌');
  await expect(page).toHaveURL(/\/products\?q=%E5%91%B3%E5%99%8C$/);
  await expect(page.getByRole('heading', { level: 1, name: '「味噌」の検索結果' })).toBeVisible();
  expect(await shownCount(page)).toBeGreaterThan(0);
  const cards = await readCards(resultList(page));
  expect(cards[0]?.name).toContain('味噌');
  // relevance first: most of what comes back is named for the term
  expect(cards.filter((c) => c.name.includes('味噌')).length).toBeGreaterThanOrEqual(Math.min(3, cards.length));
});

test('searching in English finds products by their English name', async ({ page }) => {
  await page.goto('/products');
  await searchFromHeader(page, 'matcha');
  await expect(page.getByRole('heading', { level: 1, name: '「matcha」の検索結果' })).toBeVisible();
  expect(await shownCount(page)).toBeGreaterThan(0);
  const cards = await readCards(resultList(page));
  expect(cards[0]?.name).toContain('抹茶'); // shown in Japanese, found through the English name
});

test('a typo in English still finds the product', async ({ page }) => {
  await page.goto('/products');
  await searchFromHeader(page, 'sencah'); // sencha, misspelt
  await expect(page.getByRole('heading', { level: 1, name: '「sencah」の検索結果' })).toBeVisible();
  expect(await shownCount(page)).toBeGreaterThan(0);
  const cards = await readCards(resultList(page));
  expect(cards[0]?.name).toContain('煎茶');
});

test('a search that matches nothing says so and offers to clear', async ({ page }) => {
  await page.goto(`/products?q=${encodeURIComponent('zzqqxxyy')}`);
  await expect(page.getByText('条件に合う商品が見つかりませんでした。')).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('0件の商品を表示中');
  await page.getByRole('main').getByRole('button', { name: '条件をクリア' }).last().click();
  await expect(page).toHaveURL(/\/products$/);
  expect(await shownCount(page)).toBe(24);
});

for (const language of ['ja', 'en'] as const) {
  test(`searching by reading (kana and romaji) finds products named in kanji, in ${language}`, async ({ page }) => {
    await page.goto('/products');
    if (language === 'en') await switchLanguage(page, 'en');
    for (const term of ['まっちゃ', 'マッチャ', 'matcha', 'じゅんまい']) {
      await searchFromHeader(page, term);
      const heading = language === 'ja' ? `「${term}」の検索結果` : `Results for “${term}”`;
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      expect(await shownCount(page)).toBeGreaterThan(0);
      const cards = await readCards(resultList(page));
      const named =
        language === 'ja' ? (term === 'じゅんまい' ? '純米' : '抹茶') : term === 'じゅんまい' ? 'Junmai' : 'Matcha';
      expect(cards[0]?.name).toContain(named);
    }
  });

  test(`a typo offers "did you mean", and its link searches for the word, in ${language}`, async ({ page }) => {
    await page.goto('/products');
    if (language === 'en') await switchLanguage(page, 'en');
    await searchFromHeader(page, 'sencah');
    const didYouMean = page.getByText(language === 'ja' ? 'もしかして：' : 'Did you mean:');
    await expect(didYouMean).toBeVisible();
    await page.getByRole('link', { name: 'sencha', exact: true }).click();
    await expect(page).toHaveURL(/\/products\?q=sencha$/);
    const heading = language === 'ja' ? '「sencha」の検索結果' : 'Results for “sencha”';
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(didYouMean).toHaveCount(0);
    expect(await shownCount(page)).toBeGreaterThan(0);
  });
}
