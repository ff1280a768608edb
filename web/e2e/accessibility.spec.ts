import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { signUpOnProvider } from './support/auth';
import { shownCount } from './support/catalog';
import { addToCart, cartLink, fillCheckout, orderState, stockedProducts } from './support/shop';

type Finding = { id: string; impact: string; targets: string };

/**
 * Every rule axe runs by default (WCAG A/AA and best practices) plus
 * `label-content-name-mismatch`, which axe ships switched off (experimental)
 * and which caught the header's cart link.
 */
async function axeFindings(page: Page): Promise<Finding[]> {
  const result = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? 'unknown',
    targets: v.nodes.map((n) => n.target.join(' ')).join(', '),
  }));
}

/** Checks one page: nothing serious or critical, and none of the rules the shop review found. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  const findings = await axeFindings(page);
  test.info().annotations.push({
    type: 'axe',
    description: `${name}: ${findings.length} finding(s)${findings.map((f) => ` ${f.id}(${f.impact})`).join('')}`,
  });
  // soft: one run reports every page
  expect
    .soft(
      findings.filter((f) => f.impact === 'serious' || f.impact === 'critical'),
      `${name}: serious/critical`,
    )
    .toEqual([]);
  expect
    .soft(
      findings.filter((f) => f.id === 'label-content-name-mismatch' || f.id === 'heading-order'),
      `${name}: names and heading order`,
    )
    .toEqual([]);
}

test('home, list and product pages have no serious or critical axe findings', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('list', { name: '新着商品' }).getByRole('listitem')).toHaveCount(8);
  await expectAccessible(page, 'home');

  await page.goto('/products?sort=price_asc');
  await shownCount(page);
  await expectAccessible(page, 'products');

  await page
    .getByRole('list', { name: '検索結果' })
    .getByRole('heading', { level: 3 })
    .first()
    .getByRole('link')
    .click();
  await expect(page.getByRole('heading', { name: '商品説明' })).toBeVisible();
  await expectAccessible(page, 'product');
});

test('cart, sign-in, checkout and orders pages have no serious or critical axe findings', async ({ page }) => {
  const [product] = await stockedProducts(page, 1);
  if (!product) throw new Error('unreachable');
  await page.goto(`/products/${product.slug}`);
  await addToCart(page);
  await cartLink(page).click();
  await expect(page.getByRole('list', { name: 'カートの商品' }).getByRole('listitem')).toHaveCount(1);
  await expectAccessible(page, 'cart (guest)');

  await page.getByRole('button', { name: 'ログインして購入手続きへ' }).click();
  await page.waitForURL(/\/oidc\/interaction\//);
  await expect(page.getByLabel(/^メールアドレス/)).toBeVisible();
  await expectAccessible(page, 'sign-in');
  await signUpOnProvider(page);

  await expect(page).toHaveURL('/checkout');
  await expect(page.getByRole('list', { name: 'ご注文内容' }).getByRole('listitem')).toHaveCount(1);
  await expectAccessible(page, 'checkout');
  await page.getByRole('button', { name: '注文を確定する' }).click();
  await expect(page.getByLabel('郵便番号')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'checkout with errors');

  await fillCheckout(page);
  await page.getByRole('button', { name: '注文を確定する' }).click();
  await expect(orderState(page)).toHaveText('確定');
  await expectAccessible(page, 'order');

  await page.goto('/orders');
  await expect(page.locator('.order-row')).toHaveCount(1);
  await expectAccessible(page, 'orders');
});

test('the English pages have no serious or critical axe findings either', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('kura.language', 'en'));
  await page.goto('/');
  await expect(page.getByRole('list', { name: 'New arrivals' }).getByRole('listitem')).toHaveCount(8);
  await expectAccessible(page, 'home (en)');
  await cartLink(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cart' })).toBeVisible();
  await expectAccessible(page, 'cart (en, empty)');
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
