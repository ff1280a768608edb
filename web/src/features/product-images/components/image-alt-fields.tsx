import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateProductImageAlt } from '../api/edit-product-images';
import type { StaffProductImage } from '../api/get-product-images';

/** Alt text in Japanese and English, saved when a field loses focus with a changed value. */
export function ImageAltFields({ productId, image, n }: { productId: string; image: StaffProductImage; n: number }) {
  const { t } = useTranslation();
  const update = useUpdateProductImageAlt(productId);
  const [saved, setSaved] = useState(false);
  const save = (field: 'altJa' | 'altEn', value: string) => {
    const current = field === 'altJa' ? image.alt.ja : image.alt.en;
    if (value.trim() === current) return;
    setSaved(false);
    update.mutate({ imageId: image.id, [field]: value }, { onSuccess: () => setSaved(true) });
  };
  return (
    <div className="space-y-2 text-sm">
      <label className="block">
        <span className="text-sumi-700">{t('productImages.altJa', { n })}</span>
        <input
          defaultValue={image.alt.ja}
          lang="ja"
          maxLength={300}
          onBlur={(event) => save('altJa', event.target.value)}
          className="mt-1 block w-full rounded border border-washi-400 px-2 py-1"
        />
      </label>
      <label className="block">
        <span className="text-sumi-700">{t('productImages.altEn', { n })}</span>
        <input
          defaultValue={image.alt.en}
          lang="en"
          maxLength={300}
          onBlur={(event) => save('altEn', event.target.value)}
          className="mt-1 block w-full rounded border border-washi-400 px-2 py-1"
        />
      </label>
      <p aria-live="polite" className="text-xs text-sumi-600">
        {update.isError ? t('admin.failed') : saved ? t('productImages.saved') : ''}
      </p>
    </div>
  );
}
