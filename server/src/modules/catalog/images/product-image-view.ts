import type { StaffProductImage } from '../api-schemas.js';
import type { MediaUrl } from '../ports.js';
import { toImage } from '../products/product-view.js';
import type { ImageRendition } from '../schema.js';
import type { StaffImageRow } from './product-images.js';

/** The back office's image: the storefront's shape plus id, position, type and rendition sizes. */
export function toStaffProductImage(row: StaffImageRow, mediaUrl: MediaUrl): StaffProductImage {
  const image = toImage(row, mediaUrl);
  return {
    id: row.id,
    position: row.position,
    url: image.url,
    width: image.width,
    height: image.height,
    contentType: row.contentType,
    alt: image.alt,
    renditions: row.renditions.map((r: ImageRendition) => ({
      url: mediaUrl(r.objectKey),
      width: r.width,
      height: r.height,
      bytes: r.bytes,
    })),
  };
}

/** Every object an image owns: the original and each rendition. */
export function objectKeysOf(row: Pick<StaffImageRow, 'objectKey' | 'renditions'>): string[] {
  return [row.objectKey, ...row.renditions.map((r) => r.objectKey)];
}
