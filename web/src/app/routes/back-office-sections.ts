import type { Role } from '@/features/account/api/get-me';

/**
 * The back office's sections, in menu order: one list for the menu and the
 * /admin landing page. Each names who may open it; the router enforces the
 * same roles and the API enforces them again.
 */
export const backOfficeSections: readonly { to: string; titleKey: string; leadKey: string; roles: readonly Role[] }[] =
  [
    { to: '/admin/orders', titleKey: 'staffOrders.title', leadKey: 'staffOrders.lead', roles: ['staff', 'admin'] },
    {
      to: '/admin/products',
      titleKey: 'admin.products.title',
      leadKey: 'admin.products.lead',
      roles: ['staff', 'admin'],
    },
    {
      to: '/admin/categories',
      titleKey: 'admin.categories.title',
      leadKey: 'admin.categories.lead',
      roles: ['staff', 'admin'],
    },
    { to: '/admin/import', titleKey: 'admin.import.title', leadKey: 'admin.import.lead', roles: ['staff', 'admin'] },
    { to: '/admin/stock', titleKey: 'stock.title', leadKey: 'stock.lead', roles: ['staff', 'admin'] },
    { to: '/admin/telemetry', titleKey: 'telemetry.title', leadKey: 'telemetry.lead', roles: ['staff', 'admin'] },
    {
      to: '/admin/dead-letters',
      titleKey: 'deadLetters.title',
      leadKey: 'deadLetters.lead',
      roles: ['staff', 'admin'],
    },
    { to: '/admin/ops', titleKey: 'ops.title', leadKey: 'ops.lead', roles: ['staff', 'admin'] },
    { to: '/admin/users', titleKey: 'admin.users.title', leadKey: 'admin.users.lead', roles: ['admin'] },
    { to: '/admin/service-tokens', titleKey: 'admin.tokens.title', leadKey: 'admin.tokens.lead', roles: ['admin'] },
    { to: '/admin/audit-log', titleKey: 'admin.audit.title', leadKey: 'admin.audit.lead', roles: ['admin'] },
  ];
