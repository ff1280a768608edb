import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { pickText } from '@/lib/i18n/languages';

type ProductImageProps = {
  image: Schemas['Image'] | null;
  className?: string;
  loading?: 'lazy' | 'eager';
  /** How wide the image is drawn, so the browser picks a rendition from `srcset`. */
  sizes?: string;
};

/** `srcset` from the WebP renditions; undefined for vector images, which have none. */
function srcSetOf(image: Schemas['Image']): string | undefined {
  return image.renditions.length > 0 ? image.renditions.map((r) => `${r.url} ${r.width}w`).join(', ') : undefined;
}

/** An image with its width/height set, so the page does not jump as images arrive. */
export function ProductImage({ image, className = '', loading = 'lazy', sizes }: ProductImageProps) {
  const { t, i18n } = useTranslation();
  if (!image) {
    return (
      <div className={`flex aspect-square items-center justify-center bg-washi-200 text-sm text-sumi-600 ${className}`}>
        {t('product.noImage')}
      </div>
    );
  }
  return (
    <img
      src={image.url}
      srcSet={srcSetOf(image)}
      sizes={srcSetOf(image) ? sizes : undefined}
      alt={pickText(image.alt, i18n.language)}
      width={image.width}
      height={image.height}
      loading={loading}
      decoding="async"
      className={`aspect-square w-full bg-washi-200 object-cover ${className}`}
    />
  );
}
