import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import type { ErrorBody } from '../../../platform/http/errors.js';
import { uploadForm } from '../../../platform/storage/object-storage.contract.js';
import { createCategories, createProducts } from '../products/product-writes.js';
import type { GetProductResponse } from '../products/routes/get-product.js';
import { productImages } from '../schema.js';
import type { AddStaffProductImageResponse } from './routes/staff-product-images-add.js';
import type { ListStaffProductImagesResponse } from './routes/staff-product-images-list.js';
import type { CreateStaffProductImageUploadResponse } from './routes/staff-product-images-upload.js';

let t: TestApp;
let staff: Record<string, string>;
const productIds: Record<'sake' | 'miso', string> = { sake: '', miso: '' };

beforeAll(async () => {
  t = await createTestApp();
  const categories = await createCategories(t.database.db, [
    { slug: 'sake', nameJa: '酒', nameEn: 'Sake', position: 0 },
  ]);
  const categoryId = categories.get('sake') ?? '';
  const product = (sku: string) => ({
    sku,
    slug: sku.toLowerCase(),
    categoryId,
    nameJa: `商品 ${sku}`,
    nameEn: `Product ${sku}`,
    descriptionJa: '',
    descriptionEn: '',
    price: 1000,
    taxClass: 'standard' as const,
    images: [],
  });
  await createProducts(t.database.db, [product('IMG-1'), product('IMG-2')]);
  for (const [name, slug] of [
    ['sake', 'img-1'],
    ['miso', 'img-2'],
  ] as const) {
    const { body } = await t.getJson<GetProductResponse>(`/api/products/${slug}`);
    productIds[name] = body.id;
  }
  staff = { ...(await t.signIn({ role: 'staff' })).headers, 'Content-Type': 'application/json' };
});
afterAll(async () => {
  await t?.close();
});

/** A photo-like PNG: a gradient with noise, so it does not compress to nothing. */
function photoPng(width: number, height: number, seed = 1): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  let state = seed;
  for (let i = 0; i < pixels.length; i += 3) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const x = (i / 3) % width;
    const noise = state % 40;
    pixels[i] = Math.min(255, Math.floor((x / width) * 200) + noise);
    pixels[i + 1] = Math.min(255, 80 + noise);
    pixels[i + 2] = Math.min(255, Math.floor((i / 3 / width / height) * 200) + noise);
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

const api = (path: string, init: RequestInit = {}) => t.app.request(path, { ...init, headers: staff });

async function upload(productId: string, body: Uint8Array, contentType = 'image/png') {
  const created = await api(`/api/staff/products/${productId}/images/uploads`, {
    method: 'POST',
    body: JSON.stringify({ contentType }),
  });
  expect(created.status).toBe(201);
  const form = (await created.json()) as CreateStaffProductImageUploadResponse;
  const posted = await t.app.request(form.url, { method: 'POST', body: uploadForm(form, body) });
  expect(posted.status).toBe(204);
  return form;
}

async function addImage(productId: string, body: Uint8Array, alt = { altJa: '', altEn: '' }) {
  const form = await upload(productId, body);
  const response = await api(`/api/staff/products/${productId}/images`, {
    method: 'POST',
    body: JSON.stringify({ key: form.key, ...alt }),
  });
  return { form, response };
}

const images = async (productId: string) =>
  ((await (await api(`/api/staff/products/${productId}/images`)).json()) as ListStaffProductImagesResponse).items;

const errorOf = async (response: Response) => ((await response.json()) as ErrorBody).error;

describe('uploading product images', () => {
  it('hands out a form limited to one key under the product, the declared type and the size limit', async () => {
    const response = await api(`/api/staff/products/${productIds.sake}/images/uploads`, {
      method: 'POST',
      body: JSON.stringify({ contentType: 'image/jpeg' }),
    });
    const form = (await response.json()) as CreateStaffProductImageUploadResponse;
    expect(response.status).toBe(201);
    expect(form.key).toMatch(new RegExp(`^uploads/${productIds.sake}/[0-9a-f-]{36}$`));
    expect(form.fields).toMatchObject({ key: form.key, 'Content-Type': 'image/jpeg' });
    expect(form.maxBytes).toBe(10 * 1024 * 1024);
  });

  it('refuses SVG (and any non-raster type) before any form is signed, naming the field', async () => {
    const response = await api(`/api/staff/products/${productIds.sake}/images/uploads`, {
      method: 'POST',
      body: JSON.stringify({ contentType: 'image/svg+xml' }),
    });
    const error = await errorOf(response);
    expect([response.status, error.code, error.details?.[0]?.path]).toEqual([400, 'VALIDATION_FAILED', 'contentType']);
  });

  it('answers 404 for a product that does not exist', async () => {
    const response = await api('/api/staff/products/00000000-0000-4000-8000-000000000000/images/uploads', {
      method: 'POST',
      body: JSON.stringify({ contentType: 'image/png' }),
    });
    expect(response.status).toBe(404);
  });
});

describe('adding, ordering, editing and removing images', () => {
  it('adds an uploaded photo with WebP renditions at 200, 600 and 1200 px, never upscaled, and removes the upload', async () => {
    const { form, response } = await addImage(productIds.sake, await photoPng(1600, 1000), {
      altJa: '瓶の正面',
      altEn: 'Bottle, front',
    });
    const image = (await response.json()) as AddStaffProductImageResponse;
    expect(response.status).toBe(201);
    expect(image).toMatchObject({ position: 0, width: 1200, height: 750, contentType: 'image/png' });
    expect(image.alt).toEqual({ ja: '瓶の正面', en: 'Bottle, front' });
    expect(image.renditions.map((r) => [r.width, r.height])).toEqual([
      [200, 125],
      [600, 375],
      [1200, 750],
    ]);
    for (const rendition of image.renditions) {
      const media = await t.app.request(rendition.url);
      expect(media.headers.get('Content-Type')).toBe('image/webp');
      expect(media.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
      const bytes = Buffer.from(await media.arrayBuffer());
      expect(bytes.length).toBe(rendition.bytes);
      expect((await sharp(bytes).metadata()).width).toBe(rendition.width);
    }
    expect(await t.storage.head(form.key)).toBeUndefined();
  });

  it('keeps a small original at its own width instead of enlarging it', async () => {
    const { response } = await addImage(productIds.miso, await photoPng(150, 100));
    const image = (await response.json()) as AddStaffProductImageResponse;
    expect(image.renditions.map((r) => r.width)).toEqual([150]);
  });

  it('shows the storefront the images in order with srcset-ready renditions', async () => {
    await addImage(productIds.sake, await photoPng(800, 800, 2));
    const { body } = await t.getJson<GetProductResponse>(`/api/products/${productIds.sake}`);
    expect(body.images.map((i) => i.renditions.map((r) => r.width))).toEqual([
      [200, 600, 1200],
      [200, 600, 800],
    ]);
    expect(body.image?.url).toBe(body.images[0]?.url);
    expect(body.images[1]?.url).toBe(body.images[1]?.renditions.at(-1)?.url);
  });

  it('reorders by the full id list and refuses a partial or foreign list', async () => {
    const before = await images(productIds.sake);
    const reversed = before.map((i) => i.id).reverse();
    const response = await api(`/api/staff/products/${productIds.sake}/images/order`, {
      method: 'PUT',
      body: JSON.stringify({ imageIds: reversed }),
    });
    expect(response.status).toBe(200);
    expect((await images(productIds.sake)).map((i) => [i.id, i.position])).toEqual(reversed.map((id, i) => [id, i]));
    const storefront = await t.getJson<GetProductResponse>(`/api/products/${productIds.sake}`);
    expect(storefront.body.images.map((i) => i.url)).toEqual(
      reversed.map((id) => before.find((b) => b.id === id)?.url),
    );

    const [miso] = await images(productIds.miso);
    for (const imageIds of [reversed.slice(1), [...reversed, miso?.id], [reversed[0], reversed[0]]]) {
      const refused = await api(`/api/staff/products/${productIds.sake}/images/order`, {
        method: 'PUT',
        body: JSON.stringify({ imageIds }),
      });
      const error = await errorOf(refused);
      expect([refused.status, error.code, error.details?.[0]?.path]).toEqual([400, 'VALIDATION_FAILED', 'imageIds']);
    }
    expect((await images(productIds.sake)).map((i) => i.id)).toEqual(reversed);
  });

  it('edits alt text, and treats another product’s image as missing', async () => {
    const [first] = await images(productIds.sake);
    const response = await api(`/api/staff/products/${productIds.sake}/images/${first?.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ altEn: 'Label, close-up' }),
    });
    const image = (await response.json()) as AddStaffProductImageResponse;
    expect(image.alt.en).toBe('Label, close-up');
    expect(image.alt.ja).toBe(first?.alt.ja);
    const foreign = await api(`/api/staff/products/${productIds.miso}/images/${first?.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ altEn: 'x' }),
    });
    expect(foreign.status).toBe(404);
  });

  it('deletes an image with its original and every rendition; positions stay dense', async () => {
    await addImage(productIds.sake, await photoPng(400, 300, 3));
    const before = await images(productIds.sake);
    expect(before.map((i) => i.position)).toEqual([0, 1, 2]);
    const middle = before[1];
    const [stored] = await t.database.db
      .select({ objectKey: productImages.objectKey })
      .from(productImages)
      .where(eq(productImages.id, middle?.id ?? ''));
    const keys = [stored?.objectKey ?? '', ...(middle?.renditions.map((r) => r.url.slice('/media/'.length)) ?? [])];
    for (const key of keys) expect(await t.storage.head(key)).toBeDefined();
    const response = await api(`/api/staff/products/${productIds.sake}/images/${middle?.id}`, { method: 'DELETE' });
    expect(response.status).toBe(204);
    const after = await images(productIds.sake);
    expect(after.map((i) => [i.id, i.position])).toEqual([
      [before[0]?.id, 0],
      [before[2]?.id, 1],
    ]);
    for (const key of keys) expect(await t.storage.head(key)).toBeUndefined();
    const again = await api(`/api/staff/products/${productIds.sake}/images/${middle?.id}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
  });
});

describe('concurrent image writes', () => {
  it('gives images added at the same time distinct, dense positions (the product row is locked)', async () => {
    const before = (await images(productIds.miso)).length;
    const forms = await Promise.all(
      [11, 12, 13, 14].map(async (seed) => upload(productIds.miso, await photoPng(120, 90, seed))),
    );
    const responses = await Promise.all(
      forms.map((form) =>
        api(`/api/staff/products/${productIds.miso}/images`, {
          method: 'POST',
          body: JSON.stringify({ key: form.key }),
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const positions = (await images(productIds.miso)).map((i) => i.position);
    expect(positions).toEqual([...Array(before + 4).keys()]);
  });
});

describe('refusing what is not an image', () => {
  it.each([
    ['a text file', Buffer.from('just some text, not a picture')],
    [
      'an SVG',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'),
    ],
    ['a truncated PNG', Buffer.alloc(0)],
  ])('refuses %s with NOT_AN_IMAGE, deletes the upload and adds nothing', async (_, body) => {
    const bytes = body.length > 0 ? body : (await photoPng(300, 200, 4)).subarray(0, 400);
    const before = await images(productIds.miso);
    const { form, response } = await addImage(productIds.miso, bytes);
    const error = await errorOf(response);
    expect([response.status, error.code, error.details?.[0]?.path]).toEqual([422, 'NOT_AN_IMAGE', 'key']);
    expect(await t.storage.head(form.key)).toBeUndefined();
    expect(await images(productIds.miso)).toEqual(before);
  });

  it('refuses a key that was never uploaded, or belongs to another product', async () => {
    const missing = await api(`/api/staff/products/${productIds.miso}/images`, {
      method: 'POST',
      body: JSON.stringify({ key: `uploads/${productIds.miso}/00000000-0000-4000-8000-000000000000` }),
    });
    expect([missing.status, (await errorOf(missing)).code]).toEqual([422, 'UPLOAD_NOT_FOUND']);
    const form = await upload(productIds.sake, await photoPng(300, 200, 5));
    const foreign = await api(`/api/staff/products/${productIds.miso}/images`, {
      method: 'POST',
      body: JSON.stringify({ key: form.key }),
    });
    const error = await errorOf(foreign);
    expect([foreign.status, error.code, error.details?.[0]?.path]).toEqual([400, 'VALIDATION_FAILED', 'key']);
  });

  it('refuses the same file twice on one product with CONFLICT, keeping the first', async () => {
    const png = await photoPng(300, 200, 6);
    const first = await addImage(productIds.miso, png);
    expect(first.response.status).toBe(201);
    const count = (await images(productIds.miso)).length;
    const second = await addImage(productIds.miso, png);
    expect([second.response.status, (await errorOf(second.response)).code]).toEqual([409, 'CONFLICT']);
    const after = await images(productIds.miso);
    expect(after).toHaveLength(count);
    const kept = after.at(-1);
    expect(kept && (await t.app.request(kept.url)).status).toBe(200);
  });
});
