import type { StaffCategory, StaffProduct } from './api-schemas.js';

/** Anything that answers requests like Hono's `app.request` (the test app). */
type RequestTarget = { app: { request(path: string, init?: RequestInit): Response | Promise<Response> } };

/** Terse calls for the back-office tests: one staff member's view of the catalog API. */
export function staffClient(t: RequestTarget, headers: Record<string, string>) {
  const json = { ...headers, 'Content-Type': 'application/json' };
  const send = (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) =>
    t.app.request(path, {
      method,
      headers: { ...json, ...extra },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    send,
    async createCategory(slug: string, ja = `${slug}の棚`, en = `${slug} shelf`) {
      const response = await send('POST', '/api/staff/categories', { slug, name: { ja, en } });
      if (response.status !== 201) throw new Error(`category failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as StaffCategory;
    },
    async createProduct(body: Record<string, unknown>) {
      const response = await send('POST', '/api/staff/products', body);
      if (response.status !== 201) throw new Error(`create failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as StaffProduct;
    },
    patchProduct(id: string, body: Record<string, unknown>, ifMatch?: string) {
      return send('PATCH', `/api/staff/products/${id}`, body, ifMatch === undefined ? {} : { 'If-Match': ifMatch });
    },
    getProduct(id: string) {
      return t.app.request(`/api/staff/products/${id}`, { headers });
    },
    list(query = '') {
      return t.app.request(`/api/staff/products${query ? `?${query}` : ''}`, { headers });
    },
    importCsv(csv: string | Uint8Array, mode?: 'all' | 'valid-rows') {
      return t.app.request(`/api/staff/products/import${mode ? `?mode=${mode}` : ''}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'text/csv' },
        body: csv,
      });
    },
    async exportCsv() {
      const response = await t.app.request('/api/staff/products/export.csv', { headers });
      if (response.status !== 200) throw new Error(`export failed: ${response.status} ${await response.text()}`);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}

/** A valid create body; override what a test is about. */
export function newProduct(categoryId: string, overrides: Record<string, unknown> = {}) {
  return {
    sku: `SKU-${crypto.randomUUID().slice(0, 8)}`,
    name: { ja: '雪室 純米大吟醸', en: 'Yukimuro Junmai Daiginjo' },
    description: { ja: '雪室で寝かせた酒。', en: 'Aged in a snow room.' },
    categoryId,
    price: 3280,
    taxClass: 'standard',
    openingStock: 12,
    ...overrides,
  };
}
