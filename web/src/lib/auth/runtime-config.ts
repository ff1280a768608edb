/**
 * `/config.json`: the SPA's runtime settings, written by the server locally and
 * by the deploy on AWS. It is not part of the API, so its shape is checked here.
 */
export type OidcSettings = {
  issuer: string;
  clientId: string;
  /** Cognito's hosted domain (its logout endpoint is not in the discovery document). */
  authDomain: string | null;
  scope: string;
  /** RFC 8707 resource indicator naming the API; null when the provider needs none. */
  resource: string | null;
};

export type RuntimeConfig = {
  profile: string;
  apiBaseUrl: string;
  oidc: OidcSettings;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Reads `/config.json`'s body; throws with the missing field's name. */
export function parseRuntimeConfig(body: unknown): RuntimeConfig {
  if (!isRecord(body) || !isRecord(body.oidc)) throw new Error('config.json: oidc is missing');
  const { oidc } = body;
  for (const field of ['issuer', 'clientId', 'scope'] as const) {
    if (typeof oidc[field] !== 'string' || oidc[field] === '') throw new Error(`config.json: oidc.${field} is missing`);
  }
  return {
    profile: typeof body.profile === 'string' ? body.profile : 'unknown',
    apiBaseUrl: typeof body.apiBaseUrl === 'string' ? body.apiBaseUrl : '/api',
    oidc: {
      issuer: String(oidc.issuer),
      clientId: String(oidc.clientId),
      scope: String(oidc.scope),
      authDomain: optionalString(oidc.authDomain),
      resource: optionalString(oidc.resource),
    },
  };
}

/**
 * RFC 8707 requires an absolute URI; a provider refuses anything else
 * (`invalid_target`), so a bare audience name is not sent.
 */
export function resourceParams(resource: string | null): Record<string, string> {
  if (!resource) return {};
  try {
    new URL(resource);
    return { resource };
  } catch {
    return {};
  }
}

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const response = await fetch('/config.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return parseRuntimeConfig(await response.json());
}
