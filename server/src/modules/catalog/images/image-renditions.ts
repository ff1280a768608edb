import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';

/** Raster formats a product photo may come in; SVG (which can carry script) is not one. */
export const uploadableImageTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif'] as const;
export type UploadableImageType = (typeof uploadableImageTypes)[number];

const typeOfFormat: Record<string, UploadableImageType> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  heif: 'image/avif',
};

/** The widths the storefront asks for (card, gallery, zoom). */
const renditionWidths = [200, 600, 1200] as const;

/** A decompression bomb (a tiny file of gigapixels) is refused before it is decoded. */
const maxInputPixels = 50_000_000;

export type DecodedImage = { contentType: UploadableImageType; extension: string; width: number; height: number };

export class NotAnImage extends Error {
  override name = 'NotAnImage';
}

/** What the bytes really are, decided by decoding them, whatever the upload claimed. */
export async function decodeImage(bytes: Uint8Array): Promise<DecodedImage> {
  let metadata: Metadata;
  try {
    // Headers only; `renderRenditions` decodes the pixels and fails on corrupt data.
    metadata = await sharp(bytes, { limitInputPixels: maxInputPixels, failOn: 'error' }).metadata();
  } catch (err) {
    throw new NotAnImage('The file is not an image that can be read', { cause: err });
  }
  const format = metadata.format === 'heif' && metadata.compression !== 'av1' ? undefined : metadata.format;
  const contentType = format ? typeOfFormat[format] : undefined;
  if (!contentType || !metadata.width || !metadata.height) {
    throw new NotAnImage(`Images must be JPEG, PNG, WebP, AVIF or GIF (got ${metadata.format ?? 'unknown'})`);
  }
  const extension = contentType.slice('image/'.length).replace('jpeg', 'jpg');
  // As displayed: a portrait photo stored sideways with an EXIF orientation is portrait.
  const { width, height } = metadata.autoOrient ?? metadata;
  return { contentType, extension, width, height };
}

/** Widths to render for an original this wide: the fixed ones that fit, plus the original's own when narrower than the widest. */
function widthsFor(originalWidth: number): number[] {
  const fitting: number[] = renditionWidths.filter((w) => w <= originalWidth);
  const widest = Math.max(...renditionWidths);
  if (originalWidth < widest && !fitting.includes(originalWidth)) fitting.push(originalWidth);
  return fitting;
}

export type RenderedImage = { width: number; height: number; body: Buffer };

/**
 * WebP copies at each width, never upscaled, EXIF orientation applied and
 * metadata stripped. Truncated or corrupt pixel data is `NotAnImage`.
 */
export async function renderRenditions(bytes: Uint8Array, originalWidth: number): Promise<RenderedImage[]> {
  const pipeline = sharp(bytes, { limitInputPixels: maxInputPixels, failOn: 'error' }).autoOrient();
  const rendered = Promise.all(
    widthsFor(originalWidth).map(async (width) => {
      const { data, info } = await pipeline
        .clone()
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer({ resolveWithObject: true });
      return { width: info.width, height: info.height, body: data };
    }),
  );
  return rendered.catch((err: unknown) => {
    throw new NotAnImage('The image data is corrupt or truncated', { cause: err });
  });
}

/** A short content hash: keys derived from it never change meaning, so they can be cached forever. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 20);
}
