import { type DragEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/query-state';
import { ApiError } from '@/lib/api/api-error';
import { useDeleteProductImage, useReorderProductImages } from '../api/edit-product-images';
import { type StaffProductImage, useProductImages } from '../api/get-product-images';
import { uploadableTypes, useUploadProductImage } from '../api/upload-product-image';
import { ImageAltFields } from './image-alt-fields';

type Upload = { id: string; name: string; progress: number };

/** The message for a refused file, by the server's stable code. */
function uploadErrorKey(error: unknown): string {
  const code = error instanceof ApiError ? error.code : '';
  if (code === 'PAYLOAD_TOO_LARGE') return 'productImages.errors.tooLarge';
  if (code === 'NOT_AN_IMAGE' || code === 'UNSUPPORTED_MEDIA_TYPE') return 'productImages.errors.notAnImage';
  if (code === 'CONFLICT') return 'productImages.errors.duplicate';
  return 'productImages.errors.failed';
}

const moved = (ids: string[], from: number, to: number) => {
  const next = [...ids];
  const [id] = next.splice(from, 1);
  if (id !== undefined) next.splice(to, 0, id);
  return next;
};

/**
 * A product's images in the back office: upload by drop or file picker (with
 * progress), reorder by dragging or with the arrow buttons, alt text in both
 * languages, delete after a confirmation.
 */
export function ImageManager({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const images = useProductImages(productId);
  const upload = useUploadProductImage(productId);
  const reorder = useReorderProductImages(productId);
  const remove = useDeleteProductImage(productId);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [dragOver, setDragOver] = useState(false);
  const [dragged, setDragged] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();

  async function uploadFiles(files: File[]) {
    setErrors([]);
    for (const file of files) {
      const id = crypto.randomUUID();
      setUploads((all) => [...all, { id, name: file.name, progress: 0 }]);
      const onProgress = (progress: number) =>
        setUploads((all) => all.map((u) => (u.id === id ? { ...u, progress } : u)));
      try {
        await upload.mutateAsync({ file, onProgress });
      } catch (error) {
        setErrors((all) => [...all, t(uploadErrorKey(error), { name: file.name })]);
      } finally {
        setUploads((all) => all.filter((u) => u.id !== id));
      }
    }
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragOver(false);
    if (event.dataTransfer.files.length > 0) void uploadFiles([...event.dataTransfer.files]);
  }

  const list: StaffProductImage[] = images.data?.items ?? [];
  const ids = list.map((image) => image.id);
  const move = (from: number, to: number) => {
    if (to < 0 || to >= ids.length || from === to) return;
    reorder.mutate(moved(ids, from, to));
  };

  return (
    <section aria-labelledby={`${inputId}-heading`} className="space-y-4">
      <h2 id={`${inputId}-heading`} className="font-serif text-lg font-semibold">
        {t('productImages.title')}
      </h2>
      <p className="text-sm text-sumi-700">{t('productImages.lead')}</p>

      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop zone is a shortcut; the file picker inside it is the accessible way in */}
      <div
        onDragOver={(event) => {
          if (event.dataTransfer.types.includes('Files')) {
            event.preventDefault();
            setDragOver(true);
          }
        }}
        onDragLeave={() => setDragOver(false)}
        onDrop={onDrop}
        data-drag-over={dragOver || undefined}
        className="rounded-lg border-2 border-dashed border-washi-400 p-6 text-center text-sm text-sumi-700 data-drag-over:border-ai-700 data-drag-over:bg-ai-50"
      >
        <p>
          {t('productImages.drop')}{' '}
          <label htmlFor={inputId} className="cursor-pointer font-semibold text-ai-800 underline">
            {t('productImages.choose')}
          </label>
        </p>
        <p className="mt-1 text-xs text-sumi-600">{t('productImages.hint')}</p>
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          multiple
          accept={uploadableTypes.join(',')}
          className="sr-only"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            if (inputRef.current) inputRef.current.value = '';
            void uploadFiles(files);
          }}
        />
      </div>

      {uploads.length > 0 && (
        <ul className="space-y-2">
          {uploads.map((u) => (
            <li key={u.id} className="text-sm">
              <span>
                {u.progress < 1
                  ? t('productImages.uploading', { name: u.name })
                  : t('productImages.processing', { name: u.name })}
              </span>
              <progress
                className="block w-full"
                max={1}
                value={u.progress}
                aria-label={t('productImages.uploading', { name: u.name })}
              />
            </li>
          ))}
        </ul>
      )}

      {errors.length > 0 && (
        <ul role="alert" className="space-y-1 rounded-md border border-shu-300 bg-shu-50 p-3 text-sm text-shu-800">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}

      <QueryState query={images}>
        {() =>
          list.length === 0 ? (
            <p className="text-sm text-sumi-600">{t('productImages.empty')}</p>
          ) : (
            <ol aria-label={t('productImages.title')} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {list.map((image, index) => {
                const n = index + 1;
                const thumb = image.renditions[0] ?? image;
                return (
                  <li
                    key={image.id}
                    draggable
                    onDragStart={(event) => {
                      setDragged(index);
                      event.dataTransfer.effectAllowed = 'move';
                    }}
                    onDragOver={(event) => {
                      if (dragged !== null) event.preventDefault();
                    }}
                    onDrop={(event) => {
                      if (dragged === null) return;
                      event.preventDefault();
                      event.stopPropagation();
                      move(dragged, index);
                      setDragged(null);
                    }}
                    onDragEnd={() => setDragged(null)}
                    className="space-y-2 rounded-lg border border-washi-300 bg-white p-3"
                  >
                    <img
                      src={thumb.url}
                      width={thumb.width}
                      height={thumb.height}
                      alt={t('productImages.imageN', { n, count: list.length })}
                      className="aspect-square w-full rounded-md bg-washi-200 object-cover"
                    />
                    <div className="flex items-center justify-between gap-2 text-sm">
                      <span>{t('productImages.imageN', { n, count: list.length })}</span>
                      <span className="flex gap-1">
                        <button
                          type="button"
                          onClick={() => move(index, index - 1)}
                          disabled={index === 0 || reorder.isPending}
                          aria-label={t('productImages.moveEarlier', { n })}
                          className="rounded border border-washi-400 px-2 disabled:opacity-40"
                        >
                          ←
                        </button>
                        <button
                          type="button"
                          onClick={() => move(index, index + 1)}
                          disabled={index === list.length - 1 || reorder.isPending}
                          aria-label={t('productImages.moveLater', { n })}
                          className="rounded border border-washi-400 px-2 disabled:opacity-40"
                        >
                          →
                        </button>
                      </span>
                    </div>
                    <ImageAltFields productId={productId} image={image} n={n} />
                    {confirming === image.id ? (
                      <div
                        role="alertdialog"
                        aria-label={t('productImages.deleteImage', { n })}
                        className="space-y-2 text-sm"
                      >
                        <p>{t('productImages.confirmDelete', { n })}</p>
                        <div className="flex gap-2">
                          <button
                            type="button"
                            onClick={() => remove.mutate(image.id, { onSettled: () => setConfirming(null) })}
                            className="rounded bg-shu-700 px-3 py-1 text-white"
                          >
                            {t('productImages.confirm')}
                          </button>
                          <button
                            type="button"
                            onClick={() => setConfirming(null)}
                            className="rounded border border-washi-400 px-3 py-1"
                          >
                            {t('productImages.cancel')}
                          </button>
                        </div>
                      </div>
                    ) : (
                      <button
                        type="button"
                        onClick={() => setConfirming(image.id)}
                        aria-label={t('productImages.deleteImage', { n })}
                        className="text-sm text-shu-700 underline"
                      >
                        {t('productImages.delete')}
                      </button>
                    )}
                  </li>
                );
              })}
            </ol>
          )
        }
      </QueryState>
    </section>
  );
}
