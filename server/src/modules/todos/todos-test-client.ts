import type { Todo } from './api-schemas.js';

/** Anything that answers requests like Hono's `app.request` (the test app). */
type RequestTarget = { app: { request(path: string, init?: RequestInit): Response | Promise<Response> } };

/** Terse calls for the todos tests: one signed-in user's view of the API. */
export function todosClient(t: RequestTarget, headers: Record<string, string>) {
  const json = { ...headers, 'Content-Type': 'application/json' };
  return {
    async create(body: Record<string, unknown>) {
      const response = await t.app.request('/api/todos', { method: 'POST', headers: json, body: JSON.stringify(body) });
      if (response.status !== 201) throw new Error(`create failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as Todo;
    },
    patch(id: string, body: Record<string, unknown>, ifMatch?: string) {
      return t.app.request(`/api/todos/${id}`, {
        method: 'PATCH',
        headers: { ...json, ...(ifMatch === undefined ? {} : { 'If-Match': ifMatch }) },
        body: JSON.stringify(body),
      });
    },
    remove(id: string, ifMatch?: string) {
      return t.app.request(`/api/todos/${id}`, {
        method: 'DELETE',
        headers: { ...headers, ...(ifMatch === undefined ? {} : { 'If-Match': ifMatch }) },
      });
    },
    get(id: string) {
      return t.app.request(`/api/todos/${id}`, { headers });
    },
    list(query = '') {
      return t.app.request(`/api/todos${query ? `?${query}` : ''}`, { headers });
    },
    post(path: '/api/todos/toggle-all' | '/api/todos/clear-completed', body?: Record<string, unknown>) {
      return t.app.request(path, {
        method: 'POST',
        headers: json,
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    },
  };
}
