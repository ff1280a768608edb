/**
 * Every cached query's key, one factory per feature. A write invalidates
 * exactly what it changes, by name, rather than sweeping a prefix such as
 * `['staff']`. The factories live here, below the features, because some
 * writes change what another feature shows (a CSV import changes the stock
 * list; inviting a user adds to the audit log) and features never import
 * each other.
 *
 * Keys nest (`all` ⊃ `lists` ⊃ `list(query)`): invalidating a shorter key
 * refreshes everything under it.
 */
export const queryKeys = {
  me: (subject: string | undefined) => ['me', subject] as const,
  runtimeConfig: ['runtime-config'] as const,

  /** The storefront's catalogue. */
  products: {
    all: ['products'] as const,
    page: (query: object) => ['products', 'page', query] as const,
    list: (query: object) => ['products', 'list', query] as const,
    detail: (idOrSlug: string) => ['products', 'detail', idOrSlug] as const,
  },
  categories: { all: ['categories'] as const },

  cart: ['cart'] as const,

  orders: {
    all: ['orders'] as const,
    list: (cursor: string | null) => ['orders', 'list', cursor] as const,
    detail: (id: string) => ['orders', 'detail', id] as const,
  },
  staffOrders: {
    all: ['staff', 'orders'] as const,
    lists: ['staff', 'orders', 'list'] as const,
    list: (query: object) => ['staff', 'orders', 'list', query] as const,
    detail: (id: string) => ['staff', 'orders', 'detail', id] as const,
  },

  staffProducts: {
    all: ['staff', 'products'] as const,
    lists: ['staff', 'products', 'list'] as const,
    list: (query: object) => ['staff', 'products', 'list', query] as const,
    detail: (id: string) => ['staff', 'products', 'one', id] as const,
    images: (productId: string) => ['staff', 'products', productId, 'images'] as const,
  },
  staffCategories: { all: ['staff', 'categories'] as const },
  stock: {
    all: ['staff', 'stock'] as const,
    list: (query: object) => ['staff', 'stock', 'list', query] as const,
    item: (sku: string) => ['staff', 'stock', 'item', sku] as const,
    movements: (sku: string, cursor: string | null) => ['staff', 'stock', 'movements', sku, cursor] as const,
  },
  deadLetters: { all: ['staff', 'dead-letters'] as const },
  /** The operations console: trace search and one trace, log lines, fault switches, alarms. */
  ops: {
    traces: (query: object) => ['ops', 'traces', query] as const,
    trace: (traceId: string) => ['ops', 'trace', traceId] as const,
    logs: (query: object) => ['ops', 'logs', query] as const,
    dashboard: ['ops', 'dashboard'] as const,
    metric: (query: object) => ['ops', 'metric', query] as const,
    faults: ['staff', 'faults'] as const,
    alarms: ['ops', 'alarms'] as const,
  },
  /** Storehouse sensors: the device list (with latest readings), one device with its keys, its charted buckets. */
  telemetry: {
    all: ['staff', 'telemetry'] as const,
    devices: ['staff', 'telemetry', 'devices'] as const,
    device: (id: string) => ['staff', 'telemetry', 'device', id] as const,
    buckets: (id: string, query: object) => ['staff', 'telemetry', 'buckets', id, query] as const,
  },
  /** A sensor's alert rules and its alert history (the open alerts also ride on `telemetry.devices`). */
  telemetryAlerts: {
    all: ['staff', 'telemetry-alerts'] as const,
    rules: (deviceId: string) => ['staff', 'telemetry-alerts', 'rules', deviceId] as const,
    history: (deviceId: string) => ['staff', 'telemetry-alerts', 'history', deviceId] as const,
  },
  /** The back office's home page counts; every staff write may change them, and they refetch on each visit. */
  staffOverview: ['staff', 'overview'] as const,

  users: {
    all: ['admin', 'users'] as const,
    list: (query: object) => ['admin', 'users', query] as const,
  },
  serviceTokens: { all: ['admin', 'service-tokens'] as const },
  auditLog: { all: ['admin', 'audit-log'] as const },

  todos: { list: ['todos', 'list'] as const },
} as const;
