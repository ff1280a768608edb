/** Who is calling: a signed-in person, or a machine with a service token. */
export const roles = ['customer', 'staff', 'admin'] as const;
export type Role = (typeof roles)[number];

export type UserPrincipal = {
  kind: 'user';
  userId: string;
  /** The OIDC subject (Cognito `sub`, or the local provider's account id). */
  subject: string;
  email: string;
  role: Role;
  timeZone: string;
  locale: 'ja' | 'en';
};

/**
 * What a service token may be allowed to do. Each names reads a route declares
 * (`personOrServiceToken` in service-scopes.ts); service tokens may call no
 * other route (docs/decisions/0013-service-token-scopes.md). `otlp:write` is
 * the local OTLP receiver's (`otlpScope`), outside the API.
 */
export const serviceScopes = ['catalog:read', 'stock:read', 'orders:read', 'otlp:write'] as const;
export type ServiceScope = (typeof serviceScopes)[number];

export type ServicePrincipal = {
  kind: 'service';
  tokenId: string;
  scopes: readonly string[];
};

export type Principal = UserPrincipal | ServicePrincipal;
