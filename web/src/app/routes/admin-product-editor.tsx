import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
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

  const loading = categories.isPending || (id !== undefined && product.isPending);
  const failed = categories.error ?? (id !== undefined ? product.error : null);
  const options = (categories.data ?? []).map((c) => ({ id: c.id, label: c.name[lang] }));

  return (
    <div className="space-y-6">
      <p>
        <Link to="/admin/products" className="text-sm text-ai-800 hover:underline">
          {t('admin.products.back')}
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-semibold">{title}</h1>
      {loading ? (
        <p role="status">{t('common.loading')}</p>
      ) : failed ? (
        <ErrorState error={failed} onRetry={() => void (id ? product.refetch() : categories.refetch())} />
      ) : options.length === 0 ? (
        <p>
          {t('admin.products.noCategories')}{' '}
          <Link to="/admin/categories" className="text-ai-800 underline">
            {t('admin.categories.title')}
          </Link>
        </p>
      ) : (
        <>
          <ProductForm
            key={product.data ? `${product.data.id}:${generation}` : 'new'}
            {...(product.data ? { product: product.data } : {})}
            categories={options}
            onCreated={(created) => navigate(`/admin/products/${created.id}`, { replace: true })}
            onReload={() => void product.refetch().then(() => setGeneration((g) => g + 1))}
          />
          {product.data ? <ProductImagesSlot productId={product.data.id} /> : null}
        </>
      )}
    </div>
  );
}
