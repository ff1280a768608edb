import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '@/components/field';
import { ApiError } from '@/lib/api/api-error';
import { fieldErrors } from '@/lib/api/error-messages';
import {
  type StaffProduct,
  type TaxClass,
  taxClasses,
  useCreateProduct,
  useUpdateProduct,
} from '../api/staff-products';

export type CategoryOption = { id: string; label: string };

type Draft = {
  sku: string;
  slug: string;
  nameJa: string;
  nameEn: string;
  reading: string;
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
    reading: product?.reading ?? '',
    descriptionJa: product?.description.ja ?? '',
    descriptionEn: product?.description.en ?? '',
    categoryId: product?.category.id ?? categories[0]?.id ?? '',
    price: product ? String(product.price) : '',
    taxClass: product?.taxClass ?? 'standard',
    active: product?.active ?? true,
    openingStock: '0',
  };
}

/** The paths the server names in its details that this form shows. */
const productFields = [
  'name.ja',
  'name.en',
  'reading',
  'description.ja',
  'description.en',
  'sku',
  'slug',
  'categoryId',
  'price',
  'taxClass',
  'openingStock',
];

/** A whole number typed into a text field; anything else is named on its field before a request is sent. */
const wholeNumber = (text: string): number | undefined => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined);

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
  const [notNumbers, setNotNumbers] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const create = useCreateProduct();
  const update = useUpdateProduct();
  const mutation = product ? update : create;
  const errors = {
    ...fieldErrors(mutation.error, t, {
      fields: productFields,
      byCode: { PRECONDITION_FAILED: 'admin.products.stale' },
    }),
    ...notNumbers,
  };
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
    const price = wholeNumber(draft.price);
    const openingStock = product ? 0 : wholeNumber(draft.openingStock);
    const notWhole = t('fieldErrors.wholeNumber');
    setNotNumbers({
      ...(price === undefined ? { price: notWhole } : {}),
      ...(openingStock === undefined ? { openingStock: notWhole } : {}),
    });
    if (price === undefined || openingStock === undefined) return mutation.reset();
    const common = {
      name: { ja: draft.nameJa, en: draft.nameEn },
      description: { ja: draft.descriptionJa, en: draft.descriptionEn },
      categoryId: draft.categoryId,
      price,
      taxClass: draft.taxClass,
      active: draft.active,
    };
    // Sent only when staff changed it: a renamed product left alone gets its reading made anew.
    const reading = draft.reading.trim();
    if (product) {
      const readingChanged = reading !== product.reading;
      update.mutate(
        {
          id: product.id,
          version: product.version,
          changes: { ...common, slug: draft.slug.trim(), ...(readingChanged ? { reading } : {}) },
        },
        { onSuccess: () => setSaved(true) },
      );
    } else {
      const slug = draft.slug.trim();
      create.mutate(
        { ...common, sku: draft.sku, ...(slug ? { slug } : {}), ...(reading ? { reading } : {}), openingStock },
        { onSuccess: (created) => onCreated?.(created) },
      );
    }
  }

  const text = (key: keyof Draft & `${string}${'Ja' | 'En'}`, path: string, rows?: number) => (
    <TextField
      label={t(`admin.products.${key}`)}
      error={errors[path]}
      value={draft[key]}
      onChange={set(key)}
      {...(rows ? { rows } : {})}
    />
  );

  return (
    <form onSubmit={submit} noValidate className="space-y-4 rounded-lg border border-washi-300 bg-white p-4">
      <div className="grid gap-4 md:grid-cols-2">
        {text('nameJa', 'name.ja')}
        {text('nameEn', 'name.en')}
        <TextField
          label={t('admin.products.reading')}
          error={errors.reading}
          hint={t('admin.products.readingHint')}
          value={draft.reading}
          onChange={set('reading')}
        />
        {text('descriptionJa', 'description.ja', 4)}
        {text('descriptionEn', 'description.en', 4)}
        <TextField
          label={t('admin.products.sku')}
          error={errors.sku}
          hint={product ? t('admin.products.skuFixed') : undefined}
          readOnly={Boolean(product)}
          value={draft.sku}
          onChange={set('sku')}
        />
        <TextField
          label={t('admin.products.slug')}
          error={errors.slug}
          hint={product ? undefined : t('admin.products.slugHint')}
          value={draft.slug}
          onChange={set('slug')}
        />
        <SelectField
          label={t('admin.products.category')}
          error={errors.categoryId}
          value={draft.categoryId}
          options={categories.map((c) => ({ value: c.id, label: c.label }))}
          onChange={set('categoryId')}
        />
        <TextField
          label={t('admin.products.price')}
          error={errors.price}
          inputMode="numeric"
          value={draft.price}
          onChange={set('price')}
        />
        <SelectField
          label={t('admin.products.taxClass')}
          error={errors.taxClass}
          value={draft.taxClass}
          options={taxClasses.map((c) => ({ value: c, label: t(`admin.products.taxClasses.${c}`) }))}
          onChange={set('taxClass')}
        />
        {product ? null : (
          <TextField
            label={t('admin.products.openingStock')}
            error={errors.openingStock}
            inputMode="numeric"
            value={draft.openingStock}
            onChange={set('openingStock')}
          />
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
