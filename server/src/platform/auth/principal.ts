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

export type ServicePrincipal = {
  kind: 'service';
  tokenId: string;
  scopes: readonly string[];
};

export type Principal = UserPrincipal | ServicePrincipal;
