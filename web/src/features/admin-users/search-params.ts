import type { UserQuery, UserRole, UserStatus } from './api/get-users';

const roles = new Set<string>(['customer', 'staff', 'admin']);
const statuses = new Set<string>(['active', 'disabled']);

/** The users list's search and filters live in the URL (shareable, survive reload). */
export function parseUserFilters(params: URLSearchParams): Omit<UserQuery, 'cursor'> {
  const q = params.get('q')?.trim() ?? '';
  const role = params.get('role') ?? '';
  const status = params.get('status') ?? '';
  return {
    ...(q ? { q: q.slice(0, 200) } : {}),
    ...(roles.has(role) ? { role: role as UserRole } : {}),
    ...(statuses.has(status) ? { status: status as UserStatus } : {}),
  };
}

export function serializeUserFilters(filters: Omit<UserQuery, 'cursor'>): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  if (filters.role) params.set('role', filters.role);
  if (filters.status) params.set('status', filters.status);
  return params;
}
