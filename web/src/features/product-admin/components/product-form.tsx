import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api/api-error';
import {
  type StaffProduct,
  type TaxClass,
  taxClasses,
  useCreateProduct,
  useUpdateProduct,
} from '../api/staff-products';
import { fieldErrors } from '../field-errors';

export type CategoryOption = { id: string; label: string };

type Draft = {
  sku: string;
  slug: string;
  nameJa: string;
  nameEn: string;
  descriptionJa: string;
  descriptionEn: string;
  categoryId: string;
  price: string;
  taxClass: TaxClass;
  active: boolean;
  openingStock: string;
};

function draftOf(product: StaffProduct | undefined, categories: readonly CategoryOption[]): Draft {
  return {
    sku: product?.sku ?? '',
    slug: product?.slug ?? '',
    nameJa: product?.name.ja ?? '',
    nameEn: product?.name.en ?? '',
    descriptionJa: product?.description.ja ?? '',
    descriptionEn: product?.description.en ?? '',
    categoryId: product?.category.id ?? categories[0]?.id ?? '',
    price: product ? String(product.price) : '',
    taxClass: product?.taxClass ?? 'standard',
    active: product?.active ?? true,
    openingStock: '0',
  };
}

/** A whole number typed into a text field, or the text itself, so the server names what is wrong with it. */
const numberOrText = (value: string): number => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : (value as never));

/**
 * Creates a product or edits one. Saving needs no reload: the answer
 * replaces the cached product. An edit carries the version it started from;
 * when someone else saved first, the form says so and offers to reload.
 */
export function ProductForm({
  product,
  categories,
  onCreated,
  onReload,
}: {
  product?: StaffProduct;
  categories: readonly CategoryOption[];
  onCreated?: (product: StaffProduct) => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(product, categories));
  const [saved, setSaved] = useState(false);
  const create = useCreateProduct();
  const update = useUpdateProduct();
  const mutation = product ? update : create;
  const errors = fieldErrors(mutation.error, t);
  const stale = mutation.error instanceof ApiError && mutation.error.code === 'PRECONDITION_FAILED';
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) => {
      setSaved(false);
      setDraft((d) => ({ ...d, [key]: value }));
    };

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const common = {
      name: { ja: draft.nameJa, en: draft.nameEn },
      description: { ja: draft.descriptionJa, en: draft.descriptionEn },
      categoryId: draft.categoryId,
      price: numberOrText(draft.price),
      taxClass: draft.taxClass,
      active: draft.active,
    };
    if (product) {
      update.mutate(
        { id: product.id, version: product.version, changes: { ...common, slug: draft.slug.trim() } },
        { onSuccess: () => setSaved(true) },
      );
    } else {
      create.mutate(
        {
          ...common,
          sku: draft.sku,
          ...(draft.slug.trim() ? { slug: draft.slug.trim() } : {}),
          openingStock: numberOrText(draft.openingStock),
        },
        { onSuccess: (created) => onCreated?.(created) },
      );
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4 rounded-lg border border-washi-300 bg-white p-4">
      <div className="grid gap-4 md:grid-cols-2">
        <Field label={t('admin.products.nameJa')} error={errors['name.ja']}>
          {(id, described) => (
            <input
              id={id}
              {...described}
              value={draft.nameJa}
              onChange={(e) => set('nameJa')(e.target.value)}
              className="rounded border border-washi-300 px-2 py-1.5"
            />
          )}
        </Field>
        <Field label={t('admin.products.nameEn')} error={errors['name.en']}>
          {(id, described) => (
            <input
              id={id}
              {...described}
              value={draft.nameEn}
              onChange={(e) => set('nameEn')(e.target.value)}
              className="rounded border border-washi-300 px-2 py-1.5"
            />
          )}
        </Field>
        <Field label={t('admin.products.descriptionJa')} error={errors['description.ja']}>
          {(id, described) => (
            <textarea
              id={id}
              {...described}
              rows={4}
              value={draft.descriptionJa}
              onChange={(e) => set('descriptionJa')(e.target.value)}
              className="rounded border border-washi-300 px-2 py-1.5"
            />
          )}
        </Field>
        <Field label={t('admin.products.descriptionEn')} error={errors['description.en']}>
          {(id, described) => (
            <textarea
              id={id}
              {...described}
              rows={4}
              value={draft.descriptionEn}
              onChange={(e) => set('descriptionEn')(e.target.value)}
              className="rounded border border-washi-300 px-2 py-1.5"
            />
          )}
        </Field>
        <Field
          label={t('admin.products.sku')}
          error={errors.sku}
          hint={product ? t('admin.products.skuFixed') : undefined}
        >
          {(id, described) => (
            <input
              id={id}
              {...described}
              value={draft.sku}
              readOnly={Boolean(product)}
              onChange={(e) => set('sku')(e.target.value)}
              className="rounded border border-washi-300 px-2 py-1.5 read-only:bg-washi-100"
            />
          )}
        </Field>
        <Field
          label={t('admin.products.slug')}
          error={errors.slug}
          hint={product ? undefined : t('admin.products.slugHint')}
        >
          {(id, described) => (
            <input
              id={id}
              {...described}
              value={draft.slug}
              onChange={(e) => set('slug')(e.target.value)}
              className="rounded border border-washi-300 px-2 py-1.5"
            />
          )}
        </Field>
        <Field label={t('admin.products.category')} error={errors.categoryId}>
          {(id, described) => (
            <select
              id={id}
              {...described}
              value={draft.categoryId}
              onChange={(e) => set('categoryId')(e.target.value)}
              className="rounded border border-washi-300 bg-white px-2 py-1.5"
            >
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('admin.products.price')} error={errors.price}>
          {(id, described) => (
            <input
              id={id}
              {...described}
              inputMode="numeric"
              value={draft.price}
              onChange={(e) => set('price')(e.target.value)}
              className="rounded border border-washi-300 px-2 py-1.5"
            />
          )}
        </Field>
        <Field label={t('admin.products.taxClass')} error={errors.taxClass}>
          {(id, described) => (
            <select
              id={id}
              {...described}
              value={draft.taxClass}
              onChange={(e) => set('taxClass')(e.target.value as TaxClass)}
              className="rounded border border-washi-300 bg-white px-2 py-1.5"
            >
              {taxClasses.map((c) => (
                <option key={c} value={c}>
                  {t(`admin.products.taxClasses.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {product ? null : (
          <Field label={t('admin.products.openingStock')} error={errors.openingStock}>
            {(id, described) => (
              <input
                id={id}
                {...described}
                inputMode="numeric"
                value={draft.openingStock}
                onChange={(e) => set('openingStock')(e.target.value)}
                className="rounded border border-washi-300 px-2 py-1.5"
              />
            )}
          </Field>
        )}
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" checked={draft.active} onChange={(e) => set('active')(e.target.checked)} />
          {t('admin.products.activeLabel')}
        </label>
      </div>
      {errors._form ? (
        <div role="alert" className="rounded border border-shu-600 bg-washi-100 px-3 py-2 text-sm text-shu-700">
          <p>{errors._form}</p>
          {stale && onReload ? (
            <button type="button" className="btn-secondary mt-2" onClick={onReload}>
              {t('admin.products.reload')}
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-primary" disabled={mutation.isPending}>
          {product ? t('common.save') : t('admin.products.create')}
        </button>
        {saved ? (
          <span role="status" className="text-sm text-sumi-700">
            {t('admin.products.saved')}
          </span>
        ) : null}
      </div>
    </form>
  );
}

function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error: string | undefined;
  hint?: string | undefined;
  children: (id: string, described: { 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ');
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children(id, {
        ...(error ? { 'aria-invalid': true } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {hint ? (
        <p id={hintId} className="text-xs text-sumi-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm text-shu-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
