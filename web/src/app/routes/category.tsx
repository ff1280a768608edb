import { Navigate, useParams } from 'react-router';

/** `/categories/:slug` is a shareable shortcut for the filtered product list. */
export function CategoryRoute() {
  const { slug = '' } = useParams();
  return <Navigate replace to={`/products?${new URLSearchParams({ category: slug })}`} />;
}
