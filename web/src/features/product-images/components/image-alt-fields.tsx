import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateProductImageAlt } from '../api/edit-product-images';
import type { StaffProductImage } from '../api/get-product-images';

type SaveState = 'idle' | 'editing' | 'saving' | 'saved' | 'failed';

const stateTone: Record<SaveState, string> = {
  idle: 'text-sumi-600',
  editing: 'text-kohaku-900',
  saving: 'text-sumi-600',
  saved: 'font-medium text-matsu-800',
  failed: 'font-medium text-shu-700',
};

/**
 * Alt text in Japanese and English, saved when a field loses focus with a
 * changed value. The line below always says where the text stands: not saved
 * yet (and how it will be), saving, saved, or refused.
 */
export function ImageAltFields({ productId, image, n }: { productId: string; image: StaffProductImage; n: number }) {
  const { t } = useTranslation();
  const update = useUpdateProductImageAlt(productId);
  const [state, setState] = useState<SaveState>('idle');
  const currentOf = (field: 'altJa' | 'altEn') => (field === 'altJa' ? image.alt.ja : image.alt.en);
  const edit = (field: 'altJa' | 'altEn', value: string) => {
    if (value.trim() !== currentOf(field)) setState('editing');
  };
  const save = (field: 'altJa' | 'altEn', value: string) => {
    if (value.trim() === currentOf(field)) {
      if (state === 'editing') setState('idle');
      return;
    }
    setState('saving');
    update.mutate(
      { imageId: image.id, [field]: value },
      { onSuccess: () => setState('saved'), onError: () => setState('failed') },
    );
  };
  const message = {
    idle: t('productImages.altHint'),
    editing: t('productImages.altUnsaved'),
    saving: t('productImages.altSaving'),
    saved: t('productImages.altSaved'),
    failed: t('admin.failed'),
  }[state];
  return (
    <div className="space-y-2 text-sm">
      <label className="block">
        <span className="text-sumi-700">{t('productImages.altJa', { n })}</span>
        <input
          defaultValue={image.alt.ja}
          lang="ja"
          maxLength={300}
          onChange={(event) => edit('altJa', event.target.value)}
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
          onChange={(event) => edit('altEn', event.target.value)}
          onBlur={(event) => save('altEn', event.target.value)}
          className="mt-1 block w-full rounded border border-washi-400 px-2 py-1"
        />
      </label>
      <p role="status" className={`alt-save-state text-xs ${stateTone[state]}`} data-state={state}>
        {state === 'saved' && <span aria-hidden="true">✓ </span>}
        {message}
      </p>
    </div>
  );
}
