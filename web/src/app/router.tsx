import { createBrowserRouter } from 'react-router';
import { CategoryRoute } from './routes/category';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { ProductRoute } from './routes/product';
import { ProductsRoute } from './routes/products';
import { RootLayout } from './routes/root-layout';
import { RouteError } from './routes/route-error';

export function createRouter() {
  return createBrowserRouter([
    {
      path: '/',
      Component: RootLayout,
      ErrorBoundary: RouteError,
      children: [
        { index: true, Component: HomeRoute },
        { path: 'products', Component: ProductsRoute },
        { path: 'products/:slug', Component: ProductRoute },
        { path: 'categories/:slug', Component: CategoryRoute },
        { path: '*', Component: NotFoundRoute },
      ],
    },
  ]);
}
