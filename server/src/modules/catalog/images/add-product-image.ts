import { AppError } from '../../../platform/http/errors.js';
import type { Logger } from '../../../platform/observability/logger.js';
import type { ProductImagesDeps } from '../deps.js';
import type { ImageRendition } from '../schema.js';
import { contentHash, decodeImage, NotAnImage, renderRenditions } from './image-renditions.js';
import { objectKeysOf } from './product-image-view.js';
import { addProductImage, lockProductForImages, type StaffImageRow } from './product-images.js';

/** Where the browser uploads an original for a product: a fresh key per upload, under the product. */
export function uploadKeyFor(productId: string): string {
  return `uploads/${productId}/${crypto.randomUUID()}`;
}

const uploadKeyPattern = /^uploads\/([0-9a-f-]{36})\/[0-9a-f-]{36}$/;

export type AddImageInput = { productId: string; key: string; altJa: string; altEn: string };

/**
 * Turns a landed upload into a product image: the object must exist, be
 * within the size limit and decode as a raster image. The original moves to a
 * content-addressed key beside its WebP renditions (made once, here), the row
 * is appended in one transaction, and the upload object is removed. A refused
 * upload is deleted, so nothing is half written.
 */
export async function addImageFromUpload(
  deps: ProductImagesDeps,
  input: AddImageInput,
  logger: Logger,
): Promise<StaffImageRow> {
  const { storage, db } = deps;
  const match = uploadKeyPattern.exec(input.key);
  if (!match || match[1] !== input.productId) {
    throw new AppError('VALIDATION_FAILED', 'Invalid key: not an upload key of this product', [
      { path: 'key', message: 'must be the key returned by POST …/images/uploads for this product' },
    ]);
  }
  const head = await storage.head(input.key);
  if (!head) {
    throw new AppError('UPLOAD_NOT_FOUND', 'Nothing was uploaded under this key (or it was used already)', [
      { path: 'key', message: 'no uploaded object' },
    ]);
  }
  const refuse = async (error: AppError): Promise<never> => {
    await storage.delete(input.key);
    throw error;
  };
  if (head.size > deps.maxUploadBytes) {
    await refuse(
      new AppError('PAYLOAD_TOO_LARGE', `The image is larger than ${deps.maxUploadBytes} bytes`, [
        { path: 'key', message: `at most ${deps.maxUploadBytes} bytes` },
      ]),
    );
  }
  const object = await storage.get(input.key);
  if (!object) {
    throw new AppError('UPLOAD_NOT_FOUND', 'Nothing was uploaded under this key (or it was used already)', [
      { path: 'key', message: 'no uploaded object' },
    ]);
  }
  const bytes = object.body;
  const processed = await decodeAndRender(bytes).catch((err: unknown) =>
    err instanceof NotAnImage
      ? refuse(new AppError('NOT_AN_IMAGE', err.message, [{ path: 'key', message: err.message }]))
      : Promise.reject(err),
  );

  const hash = contentHash(bytes);
  const base = `products/${input.productId}/${hash}`;
  const originalKey = `${base}.${processed.decoded.extension}`;
  const rendered = processed.renditions.map((r) => ({ ...r, objectKey: `${base}-${r.width}w.webp` }));
  const renditions: ImageRendition[] = rendered.map((r) => ({
    objectKey: r.objectKey,
    width: r.width,
    height: r.height,
    bytes: r.body.length,
  }));
  await storage.put(originalKey, bytes, processed.decoded.contentType);
  await Promise.all(rendered.map((r) => storage.put(r.objectKey, r.body, 'image/webp')));

  let row: StaffImageRow;
  try {
    row = await db.transaction(async (tx) => {
      if (!(await lockProductForImages(tx, { productId: input.productId })))
        throw new AppError('NOT_FOUND', 'No such product');
      return addProductImage(tx, {
        productId: input.productId,
        objectKey: originalKey,
        contentType: processed.decoded.contentType,
        width: processed.decoded.width,
        height: processed.decoded.height,
        altJa: input.altJa,
        altEn: input.altEn,
        renditions,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      // The same bytes are already an image of this product; those objects are its, so they stay.
      await storage.delete(input.key);
      throw new AppError('CONFLICT', 'This image is already on the product', [
        { path: 'key', message: 'the same file was added before' },
      ]);
    }
    await Promise.all(objectKeysOf({ objectKey: originalKey, renditions }).map((key) => storage.delete(key)));
    throw err;
  }
  await storage.delete(input.key).catch((err: unknown) => logger.warn({ err, key: input.key }, 'upload not removed'));
  return row;
}

async function decodeAndRender(bytes: Uint8Array) {
  const decoded = await decodeImage(bytes);
  const renditions = await renderRenditions(bytes, decoded.width);
  return { decoded, renditions };
}

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if ('code' in e && e.code === '23505') return true;
  }
  return false;
}
