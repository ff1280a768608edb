import { expect, type Page, test } from '@playwright/test';
import { signUpAndOpen } from './support/auth';
import { switchLanguage } from './support/language';
import { fillCheckout, openCheckout, orderState, stockedProducts } from './support/shop';

const placeOrder = (page: Page) => page.getByRole('button', { name: /^(注文を確定する|Place order)$/ });

test('an empty checkout says which fields are required, and a message goes once its field is changed', async ({
  page,
}) => {
  const [product] = await stockedProducts(page, 1);
  if (!product) throw new Error('unreachable');
  await signUpAndOpen(page, '/orders');
  await openCheckout(page, product, { fill: false });

  await placeOrder(page).click();
  await expect(page.getByRole('alert')).toHaveText('入力内容を確認してください。');
  for (const label of ['郵便番号', '市区町村', '町名・番地', 'お名前', '電話番号']) {
    await expect(page.getByLabel(label), label).toHaveAccessibleDescription(/入力してください。$/);
  }
  await expect(page.getByText('電話番号の形式が正しくありません', { exact: false })).toHaveCount(0);
  await expect(page.getByLabel('都道府県')).toHaveAccessibleDescription('都道府県を選んでください。');

  // Typing in a field takes its message away at once; the others stay until they are changed or sent again.
  await page.getByLabel('電話番号').fill('03-1234-5678');
  await expect(page.getByLabel('電話番号')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('電話番号')).toHaveAccessibleDescription('例：03-1234-5678');
  await expect(page.getByLabel('郵便番号')).toHaveAttribute('aria-invalid', 'true');

  // A malformed (not empty) phone number is worded as such on the next submit.
  await page.getByLabel('電話番号').fill('12345');
  await placeOrder(page).click();
  await expect(page.getByLabel('電話番号')).toHaveAccessibleDescription(/電話番号の形式が正しくありません/);

  // Every field fixed: the form's summary goes with the last message.
  await fillCheckout(page);
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The English page names the prefectures in English and says "Required." for an empty field.
  await switchLanguage(page, 'en');
  await expect(page.getByLabel('Prefecture')).toHaveValue('東京都');
  await expect(page.getByLabel('Prefecture').locator('option:checked')).toHaveText('Tokyo');
  await page.getByLabel('Postal code').fill('');
  await placeOrder(page).click();
  await expect(page.getByLabel('Postal code')).toHaveAccessibleDescription(/Required\.$/);
  await switchLanguage(page, 'ja');
  await fillCheckout(page, { postalCode: '100-0001', city: 'Chiyoda-ku', line1: '1-1 Chiyoda', line2: '' });
  await placeOrder(page).click();
  await expect(orderState(page)).toHaveText('確定');

  // The order's address: the Japanese way in Japanese, an English reader's way in English.
  const address = page.locator('address');
  await expect(address).toHaveText(['〒100-0001東京都Chiyoda-ku 1-1 Chiyoda山田 花子 様03-1234-5678']);
  await switchLanguage(page, 'en');
  await expect(address).toHaveText(['山田 花子1-1 ChiyodaChiyoda-ku, Tokyo 100-0001Japan03-1234-5678']);
  expect(await address.innerText()).toBe('山田 花子\n1-1 Chiyoda\nChiyoda-ku, Tokyo 100-0001\nJapan\n03-1234-5678');
});
