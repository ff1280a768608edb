import { expect, test } from '@playwright/test';
import { signUpOnProvider } from './support/auth';
import { addToCart, cartLink, shownTotal, stockedProducts } from './support/shop';

test('a guest cart lives in the browser, shows an estimate, and joins the account cart on sign-in', async ({
  page,
}) => {
  const [first, second] = await stockedProducts(page, 2);
  if (!first || !second) throw new Error('unreachable');

  // As a guest: two products, the first twice.
  await page.goto(`/products/${first.slug}`);
  await addToCart(page, 2);
  await expect(cartLink(page)).toHaveAccessibleName('カート 2 点');
  await page.goto(`/products/${second.slug}`);
  await addToCart(page);
  await expect(cartLink(page)).toHaveAccessibleName('カート 3 点');

  // The cart page: lines, an estimate labelled as one, and a reload keeps it.
  await cartLink(page).click();
  await expect(page).toHaveURL('/cart');
  await page.reload();
  const lines = page.getByRole('list', { name: 'カートの商品' }).getByRole('listitem');
  await expect(lines).toHaveCount(2);
  await expect(page.getByRole('heading', { name: '合計金額（概算）' })).toBeVisible();
  expect(await shownTotal(page)).toBe(first.price * 2 + second.price);

  // Removing a line changes the estimate.
  await lines.filter({ hasText: second.name.ja }).getByRole('button', { name: /削除/ }).click();
  await expect(lines).toHaveCount(1);
  await expect.poll(() => shownTotal(page)).toBe(first.price * 2);

  // Sign in (a new account): the guest cart is merged into the server's and leaves the browser.
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await signUpOnProvider(page);
  await expect(page).toHaveURL('/cart');
  await expect(page.getByRole('heading', { name: '合計金額', exact: true })).toBeVisible();
  await expect(lines).toHaveCount(1);
  await expect(lines.first()).toContainText(first.name.ja);
  await expect(cartLink(page)).toHaveAccessibleName('カート 2 点');
  expect(await page.evaluate(() => localStorage.getItem('kura.guestCart'))).toBeNull();

  // The server cart: quantity changes are priced by the server and survive a reload.
  await lines.first().getByLabel('数量').selectOption('3');
  await expect(cartLink(page)).toHaveAccessibleName('カート 3 点');
  await expect.poll(() => shownTotal(page)).toBe(first.price * 3);
  await page.reload();
  await expect(lines.first().getByLabel('数量')).toHaveValue('3');
});
