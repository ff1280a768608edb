import type { Middleware } from 'openapi-fetch';
import type { Auth } from './auth';

/**
 * Adds the bearer token to API calls and, when the API answers 401 to a call
 * that carried one, starts a new sign-in (the session ended or was revoked).
 */
export function authMiddleware(auth: Auth): Middleware {
  return {
    async onRequest({ request }) {
      const token = await auth.getAccessToken();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
    async onResponse({ request, response }) {
      if (response.status === 401 && request.headers.has('Authorization')) void auth.handleUnauthorized();
      return response;
    },
  };
}
