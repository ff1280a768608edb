import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductImageData } from '@/lib/api/client';
import { pickText } from '@/lib/i18n/languages';
import { ProductImage } from './product-image';

type ProductGalleryProps = { images: ProductImageData[] };

export function ProductGallery({ images }: ProductGalleryProps) {
  const { t, i18n } = useTranslation();
  const [selected, setSelected] = useState(0);
  const current = images[selected] ?? images[0] ?? null;

  return (
    <section aria-label={t('product.gallery')} className="space-y-3">
      <ProductImage
        image={current}
        loading="eager"
        sizes="(min-width: 768px) 50vw, 100vw"
        className="rounded-lg border border-washi-300"
      />
      {images.length > 1 && (
        <ul className="flex flex-wrap gap-2">
          {images.map((image, index) => (
            <li key={image.url}>
              <button
                type="button"
                aria-pressed={index === selected}
                aria-label={t('product.showImage', { n: index + 1 })}
                onClick={() => setSelected(index)}
                className="block size-16 overflow-hidden rounded-md border-2 border-transparent aria-pressed:border-ai-700 sm:size-20"
              >
                <img
                  src={(image.renditions[0] ?? image).url}
                  alt={pickText(image.alt, i18n.language)}
                  width={(image.renditions[0] ?? image).width}
                  height={(image.renditions[0] ?? image).height}
                  className="size-full object-cover"
                />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
