/**
 * Every path the SPA has a page for, as react-router patterns. The build
 * writes this list to dist/app-paths.json; the server answers other paths with
 * 404 (and the app's not-found page) instead of a 200 for any URL.
 * router.tsx must match it: app-paths.test.ts checks both agree.
 */
export const appPaths = [
  '/',
  '/products',
  '/products/:slug',
  '/categories/:slug',
  '/auth/callback',
  '/cart',
  '/info/:page',
  '/todos/:filter?',
  '/checkout',
  '/orders',
  '/orders/:id',
  '/admin',
  '/admin/products',
  '/admin/products/new',
  '/admin/products/:id',
  '/admin/categories',
  '/admin/import',
  '/admin/orders',
  '/admin/orders/:id',
  '/admin/stock',
  '/admin/stock/low',
  '/admin/stock/:sku',
  '/admin/telemetry',
  '/admin/ops',
  '/admin/telemetry/new',
  '/admin/telemetry/:id',
  '/admin/dead-letters',
  '/admin/users',
  '/admin/service-tokens',
  '/admin/audit-log',
] as const;

/** Where the build writes the list, beside index.html. */
export const appPathsFile = 'app-paths.json';
