/**
 * Where the product editor shows a product's images. A placeholder until the
 * image manager lands here (upload, order, alt text): the editor route
 * renders it for existing products only, passing the product's id.
 */
export function ProductImagesSlot(_props: { productId: string }) {
  return null;
}
