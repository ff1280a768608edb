import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { shownCount } from './support/catalog';

// WCAG 2.1 A/AA rules (labels, contrast, names, landmarks) on the three main pages.
async function violations(page: import('@playwright/test').Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('home, list and product pages have no WCAG A/AA violations', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('list', { name: '新着商品' }).getByRole('listitem')).toHaveCount(8);
  expect(await violations(page)).toEqual([]);

  await page.goto('/products?sort=price_asc');
  await shownCount(page);
  expect(await violations(page)).toEqual([]);

  await page
    .getByRole('list', { name: '検索結果' })
    .getByRole('heading', { level: 3 })
    .first()
    .getByRole('link')
    .click();
  await expect(page.getByRole('heading', { name: '商品説明' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('keyboard users can skip to the content and see where focus is', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '本文へスキップ' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});
