import { createBrowserRouter, type RouteObject } from 'react-router';
import { AuthCallbackRoute } from './routes/auth-callback';
import { CategoryRoute } from './routes/category';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { ProductRoute } from './routes/product';
import { ProductsRoute } from './routes/products';
import { RequireRole, RequireUser } from './routes/require-user';
import { RootLayout } from './routes/root-layout';
import { RouteError } from './routes/route-error';

// Signed-in pages load on first visit: shoppers never download the back office.
// A path added here goes into app-paths.ts too (the server answers 404 for the others; a test checks both agree).
export const routes: RouteObject[] = [
  {
    path: '/',
    Component: RootLayout,
    ErrorBoundary: RouteError,
    children: [
      { index: true, Component: HomeRoute },
      { path: 'products', Component: ProductsRoute },
      { path: 'products/:slug', Component: ProductRoute },
      { path: 'categories/:slug', Component: CategoryRoute },
      { path: 'auth/callback', Component: AuthCallbackRoute },
      { path: 'cart', lazy: async () => ({ Component: (await import('./routes/cart')).CartRoute }) },
      { path: 'info/:page', lazy: async () => ({ Component: (await import('./routes/shop-info')).ShopInfoRoute }) },
      {
        Component: RequireUser,
        children: [
          {
            path: 'todos/:filter?',
            lazy: async () => ({ Component: (await import('./routes/todos')).TodosRoute }),
          },
          { path: 'checkout', lazy: async () => ({ Component: (await import('./routes/checkout')).CheckoutRoute }) },
          { path: 'orders', lazy: async () => ({ Component: (await import('./routes/orders')).OrdersRoute }) },
          { path: 'orders/:id', lazy: async () => ({ Component: (await import('./routes/order')).OrderRoute }) },
          {
            path: 'admin',
            element: <RequireRole roles={['staff', 'admin']} />,
            children: [
              {
                // One layout (the back-office menu) around every page; admin-only pages sit
                // behind a second guard. Add a page here and to back-office-sections.ts.
                lazy: async () => ({ Component: (await import('./routes/admin-layout')).AdminLayout }),
                children: [
                  {
                    index: true,
                    lazy: async () => ({ Component: (await import('./routes/admin-home')).AdminHomeRoute }),
                  },
                  {
                    path: 'products',
                    lazy: async () => ({ Component: (await import('./routes/admin-products')).AdminProductsRoute }),
                  },
                  {
                    path: 'products/new',
                    lazy: async () => ({
                      Component: (await import('./routes/admin-product-editor')).AdminProductEditorRoute,
                    }),
                  },
                  {
                    path: 'products/:id',
                    lazy: async () => ({
                      Component: (await import('./routes/admin-product-editor')).AdminProductEditorRoute,
                    }),
                  },
                  {
                    path: 'categories',
                    lazy: async () => ({
                      Component: (await import('./routes/admin-categories')).AdminCategoriesRoute,
                    }),
                  },
                  {
                    path: 'import',
                    lazy: async () => ({ Component: (await import('./routes/admin-import')).AdminImportRoute }),
                  },
                  {
                    path: 'orders',
                    lazy: async () => ({ Component: (await import('./routes/admin-orders')).AdminOrdersRoute }),
                  },
                  {
                    path: 'orders/:id',
                    lazy: async () => ({ Component: (await import('./routes/admin-order')).AdminOrderRoute }),
                  },
                  {
                    path: 'stock',
                    lazy: async () => ({ Component: (await import('./routes/admin-stock')).AdminStockRoute }),
                  },
                  {
                    path: 'stock/low',
                    lazy: async () => ({ Component: (await import('./routes/admin-stock')).AdminLowStockRoute }),
                  },
                  {
                    path: 'stock/:sku',
                    lazy: async () => ({
                      Component: (await import('./routes/admin-stock-item')).AdminStockItemRoute,
                    }),
                  },
                  {
                    path: 'telemetry',
                    lazy: async () => ({ Component: (await import('./routes/admin-telemetry')).AdminTelemetryRoute }),
                  },
                  {
                    path: 'telemetry/new',
                    lazy: async () => ({
                      Component: (await import('./routes/admin-telemetry-new')).AdminTelemetryNewRoute,
                    }),
                  },
                  {
                    path: 'telemetry/:id',
                    lazy: async () => ({
                      Component: (await import('./routes/admin-telemetry-device')).AdminTelemetryDeviceRoute,
                    }),
                  },
                  {
                    path: 'ops',
                    lazy: async () => ({ Component: (await import('./routes/admin-ops')).AdminOpsRoute }),
                  },
                  {
                    path: 'dead-letters',
                    lazy: async () => ({
                      Component: (await import('./routes/admin-dead-letters')).AdminDeadLettersRoute,
                    }),
                  },
                  {
                    element: <RequireRole roles={['admin']} />,
                    children: [
                      {
                        path: 'users',
                        lazy: async () => ({ Component: (await import('./routes/admin-users')).AdminUsersRoute }),
                      },
                      {
                        path: 'service-tokens',
                        lazy: async () => ({
                          Component: (await import('./routes/admin-service-tokens')).AdminServiceTokensRoute,
                        }),
                      },
                      {
                        path: 'audit-log',
                        lazy: async () => ({
                          Component: (await import('./routes/admin-audit-log')).AdminAuditLogRoute,
                        }),
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
      { path: '*', Component: NotFoundRoute },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
