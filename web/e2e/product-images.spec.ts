import { randomInt } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import sharp from 'sharp';
import { demo, signInOnProvider } from './support/auth';

/** A small photo-like PNG in one hue with noise: different bytes on every run, so a reused server never sees a duplicate. */
async function png(hue: 'red' | 'blue'): Promise<Buffer> {
  const width = 640;
  const height = 480;
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i += 3) {
    const noise = randomInt(60);
    pixels[i] = hue === 'red' ? 190 + noise : noise;
    pixels[i + 1] = noise;
    pixels[i + 2] = hue === 'blue' ? 190 + noise : noise;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** The Japanese alt texts of the storefront gallery's images, in page order. */
async function galleryAlts(page: Page): Promise<string[]> {
  const gallery = page.getByRole('region', { name: '商品画像' });
  await expect(gallery.getByRole('img').first()).toBeVisible();
  return gallery
    .getByRole('listitem')
    .locator('img')
    .evaluateAll((imgs) => imgs.map((img) => img.getAttribute('alt') ?? ''));
}

test('staff upload two images, reorder them, and the product page shows the new order; a non-image is refused', async ({
  page,
  request,
}) => {
  const listing = await request.get('/api/products?limit=1');
  const [product] = ((await listing.json()) as { items: { id: string; slug: string }[] }).items;
  if (!product) throw new Error('the demo catalog has no products');
  const tag = randomInt(1_000_000).toString(36);
  const red = `赤い写真 ${tag}`;
  const blue = `青い写真 ${tag}`;

  // the image manager sits in the product editor, below the product's form
  await page.goto(`/admin/products/${product.id}`);
  await signInOnProvider(page, demo.staff);
  await expect(page.getByRole('heading', { level: 2, name: '画像' })).toBeVisible();
  const manager = page.getByRole('list', { name: '画像' });
  const status = page.getByText('画像はまだありません。').or(manager);
  await expect(status).toBeVisible();
  const before = await manager.getByRole('listitem').count();

  // upload both through the file picker; thumbnails appear for each
  await page.getByLabel('ファイルを選択').setInputFiles([
    { name: 'red.png', mimeType: 'image/png', buffer: await png('red') },
    { name: 'blue.png', mimeType: 'image/png', buffer: await png('blue') },
  ]);
  await expect(manager.getByRole('listitem')).toHaveCount(before + 2);
  const count = before + 2;
  for (const n of [count - 1, count]) {
    await expect(manager.getByRole('img', { name: `画像 ${n} / ${count}` })).toHaveJSProperty('complete', true);
    await expect(manager.getByRole('img', { name: `画像 ${n} / ${count}` })).not.toHaveJSProperty('naturalWidth', 0);
  }

  // name them (Japanese alt text, saved on leaving the field)
  const altOf = (n: number) => page.getByLabel(`画像 ${n} の代替テキスト（日本語）`);
  for (const [n, alt] of [
    [count - 1, red],
    [count, blue],
  ] as const) {
    const saveState = manager
      .getByRole('listitem')
      .nth(n - 1)
      .locator('.alt-save-state');
    await altOf(n).fill(alt);
    // typed but not saved yet: the line says so, and how it will be saved
    await expect(saveState).toHaveText('未保存の変更があります。入力欄から離れると保存します。');
    await altOf(n).press('Tab');
    await expect(saveState).toHaveText('✓ 代替テキストを保存しました。');
  }

  // the blue one moves ahead of the red one with the keyboard-reachable button
  await page.getByRole('button', { name: `画像 ${count} を前へ` }).click();
  await expect(altOf(count - 1)).toHaveValue(blue);
  await expect(altOf(count)).toHaveValue(red);

  // the shop shows them in the new order, with renditions in srcset
  await page.goto(`/products/${product.slug}`);
  const alts = await galleryAlts(page);
  expect(alts.indexOf(blue)).toBeGreaterThanOrEqual(0);
  expect(alts.indexOf(blue)).toBeLessThan(alts.indexOf(red));
  await page.getByRole('button', { name: `画像${alts.indexOf(blue) + 1}を表示` }).click();
  const main = page.getByRole('region', { name: '商品画像' }).getByRole('img', { name: blue }).first();
  await expect(main).toHaveAttribute('srcset', /\.webp 200w, .+\.webp 600w/);

  // a file that is not an image is refused with the message, whatever type it claims
  await page.goto(`/admin/products/${product.id}`);
  await expect(manager.getByRole('listitem')).toHaveCount(count);
  await page
    .getByLabel('ファイルを選択')
    .setInputFiles([
      { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('these are notes, not a picture') },
    ]);
  await expect(page.getByRole('alert')).toContainText('notes.png は使用できる画像ではありません');
  await expect(manager.getByRole('listitem')).toHaveCount(count);
});
