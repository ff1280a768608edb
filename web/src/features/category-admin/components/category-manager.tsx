import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '@/components/data-table';
import { TextField } from '@/components/field';
import { errorMessage } from '@/lib/api/error-messages';
import {
  type StaffCategory,
  useCreateCategory,
  useDeleteCategory,
  useReorderCategories,
  useUpdateCategory,
} from '../api/staff-categories';

/** Create, rename, reorder and delete categories; a category that holds products cannot be deleted. */
export function CategoryManager({ categories }: { categories: readonly StaffCategory[] }) {
  const { t, i18n } = useTranslation();
  const reorder = useReorderCategories();
  const remove = useDeleteCategory();
  const [notice, setNotice] = useState<string | null>(null);
  const lang = i18n.language === 'en' ? 'en' : 'ja';

  function move(index: number, by: -1 | 1) {
    const ids = categories.map((c) => c.id);
    const [moved] = ids.splice(index, 1);
    if (!moved) return;
    ids.splice(index + by, 0, moved);
    reorder.mutate(ids, { onError: (error) => setNotice(messageOf(error)) });
  }

  const messageOf = (error: Error) =>
    errorMessage(error, t, { CATEGORY_NOT_EMPTY: 'admin.categories.notEmpty', CONFLICT: 'admin.categories.changed' });

  const columns: Column<StaffCategory>[] = [
    { id: 'name', header: t('admin.categories.name'), rowHeader: true, cell: (c) => c.name[lang] },
    { id: 'slug', header: t('admin.categories.slug'), cell: (c) => <code>{c.slug}</code> },
    {
      id: 'count',
      header: t('admin.categories.products'),
      cell: (c) => t('admin.categories.count', { active: c.productCount, all: c.allProductCount }),
    },
    {
      id: 'actions',
      header: <span className="sr-only">{t('admin.actions')}</span>,
      cell: (c) => {
        const index = categories.indexOf(c);
        return (
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className="btn-secondary"
              aria-label={t('admin.categories.moveUp', { name: c.name[lang] })}
              disabled={index === 0 || reorder.isPending}
              onClick={() => move(index, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="btn-secondary"
              aria-label={t('admin.categories.moveDown', { name: c.name[lang] })}
              disabled={index === categories.length - 1 || reorder.isPending}
              onClick={() => move(index, 1)}
            >
              ↓
            </button>
            <RenameCategory category={c} />
            <button
              type="button"
              className="btn-secondary"
              aria-label={t('admin.categories.deleteOf', { name: c.name[lang] })}
              disabled={remove.isPending}
              onClick={() => {
                if (!window.confirm(t('admin.categories.confirmDelete', { name: c.name[lang] }))) return;
                remove.mutate(c.id, {
                  onSuccess: () => setNotice(t('admin.categories.deleted', { name: c.name[lang] })),
                  onError: (error) => setNotice(messageOf(error)),
                });
              }}
            >
              {t('admin.categories.delete')}
            </button>
          </div>
        );
      },
    },
  ];

  return (
    <div className="space-y-4">
      <NewCategoryForm />
      {notice ? (
        <p role="status" className="rounded border border-washi-300 bg-washi-100 px-3 py-2 text-sm">
          {notice}
        </p>
      ) : null}
      <DataTable
        caption={t('admin.categories.title')}
        columns={columns}
        rows={categories}
        rowKey={(c) => c.id}
        empty={t('admin.categories.empty')}
      />
    </div>
  );
}

function NewCategoryForm() {
  const { t } = useTranslation();
  const create = useCreateCategory();
  const [slug, setSlug] = useState('');
  const [ja, setJa] = useState('');
  const [en, setEn] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { slug: slug.trim(), name: { ja: ja.trim(), en: en.trim() } },
      {
        onSuccess: () => {
          setSlug('');
          setJa('');
          setEn('');
        },
      },
    );
  }

  const error = create.error;
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-3 rounded-lg border border-washi-300 bg-white p-4">
      <h2 className="w-full font-serif text-lg font-semibold">{t('admin.categories.newTitle')}</h2>
      {(
        [
          ['ja', t('admin.categories.nameJa'), ja, setJa],
          ['en', t('admin.categories.nameEn'), en, setEn],
          ['slug', t('admin.categories.slug'), slug, setSlug],
        ] as const
      ).map(([key, label, value, set]) => (
        <TextField key={key} label={label} required value={value} onChange={set} className="w-48" />
      ))}
      <button type="submit" className="btn-primary" disabled={create.isPending}>
        {t('admin.categories.create')}
      </button>
      {error ? (
        <p role="alert" className="w-full text-sm text-shu-700">
          {errorMessage(error, t, {
            SLUG_TAKEN: 'admin.categories.slugTaken',
            VALIDATION_FAILED: 'admin.categories.slugInvalid',
          })}
        </p>
      ) : null}
    </form>
  );
}

function RenameCategory({ category }: { category: StaffCategory }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateCategory();
  const [editing, setEditing] = useState(false);
  const [ja, setJa] = useState(category.name.ja);
  const [en, setEn] = useState(category.name.en);
  const ids = { ja: useId(), en: useId() };
  const name = i18n.language === 'en' ? category.name.en : category.name.ja;

  if (!editing) {
    return (
      <button
        type="button"
        className="btn-secondary"
        aria-label={t('admin.categories.renameOf', { name })}
        onClick={() => setEditing(true)}
      >
        {t('admin.categories.rename')}
      </button>
    );
  }
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate(
          { id: category.id, changes: { name: { ja: ja.trim(), en: en.trim() } } },
          { onSuccess: () => setEditing(false) },
        );
      }}
    >
      <label htmlFor={ids.ja} className="sr-only">
        {t('admin.categories.nameJa')}
      </label>
      <input
        id={ids.ja}
        required
        value={ja}
        onChange={(e) => setJa(e.target.value)}
        className="w-32 rounded border border-washi-300 px-2 py-1"
      />
      <label htmlFor={ids.en} className="sr-only">
        {t('admin.categories.nameEn')}
      </label>
      <input
        id={ids.en}
        required
        value={en}
        onChange={(e) => setEn(e.target.value)}
        className="w-32 rounded border border-washi-300 px-2 py-1"
      />
      <button type="submit" className="btn-primary" disabled={update.isPending}>
        {t('common.save')}
      </button>
      <button type="button" className="btn-secondary" onClick={() => setEditing(false)}>
        {t('common.cancel')}
      </button>
      {update.isError ? (
        <span role="alert" className="text-sm text-shu-700">
          {t('admin.failed')}
        </span>
      ) : null}
    </form>
  );
}
