import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { QueryState } from '@/components/query-state';
import { useStaffCategories } from '@/features/category-admin/api/staff-categories';
import { useStaffProduct } from '@/features/product-admin/api/staff-products';
import { ProductForm } from '@/features/product-admin/components/product-form';
import { ProductImagesSlot } from '@/features/product-images/components/product-images-slot';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** /admin/products/new creates; /admin/products/:id edits, with the product's images beside the form. */
export function AdminProductEditorRoute() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  // Bumped by a reload after someone else's save: the form starts again from the current version.
  // (A save of its own keeps the form, which already shows what was saved.)
  const [generation, setGeneration] = useState(0);
  const product = useStaffProduct(id);
  const categories = useStaffCategories();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const title = id ? (product.data?.name[lang] ?? t('admin.products.edit')) : t('admin.products.new');
  useDocumentTitle(title);

  return (
    <div className="space-y-6">
      <p>
        <Link to="/admin/products" className="text-sm text-ai-800 hover:underline">
          {t('admin.products.back')}
        </Link>
      </p>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="font-serif text-2xl font-semibold">{title}</h1>
        {id && product.data ? (
          product.data.active ? (
            // A new tab: the editor keeps its unsaved input while staff look at the page customers see.
            <a
              href={`/products/${product.data.slug}`}
              target="_blank"
              rel="noopener"
              className="text-sm text-ai-800 underline"
              data-testid="view-in-shop"
            >
              {t('admin.products.viewInShop')}
              <span className="sr-only">{t('admin.products.opensInNewTab')}</span>
            </a>
          ) : (
            <span className="text-sm text-sumi-600">{t('admin.products.notInShop')}</span>
          )
        ) : null}
      </div>
      <QueryState query={categories}>
        {(list) => {
          const options = list.map((c) => ({ id: c.id, label: c.name[lang] }));
          if (options.length === 0) {
            return (
              <p>
                {t('admin.products.noCategories')}{' '}
                <Link to="/admin/categories" className="text-ai-800 underline">
                  {t('admin.categories.title')}
                </Link>
              </p>
            );
          }
          if (id === undefined) {
            return (
              <ProductForm
                key="new"
                categories={options}
                onCreated={(created) => navigate(`/admin/products/${created.id}`, { replace: true })}
              />
            );
          }
          return (
            <QueryState query={product}>
              {(current) => (
                <>
                  <ProductForm
                    key={`${current.id}:${generation}`}
                    product={current}
                    categories={options}
                    onReload={() => void product.refetch().then(() => setGeneration((g) => g + 1))}
                  />
                  <ProductImagesSlot productId={current.id} />
                </>
              )}
            </QueryState>
          );
        }}
      </QueryState>
    </div>
  );
}
