import { ImageManager } from './image-manager';

/**
 * Where the product editor shows a product's images: the image manager
 * (upload, order, alt text, delete). The editor renders it for existing
 * products only, passing the product's id.
 */
export function ProductImagesSlot({ productId }: { productId: string }) {
  return <ImageManager productId={productId} />;
}
