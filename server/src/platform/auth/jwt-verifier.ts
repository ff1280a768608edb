import { createRemoteJWKSet, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import type { Config } from '../config/config.js';

/** What Kura reads from a verified access token. */
export type AccessTokenClaims = {
  subject: string;
  email: string | undefined;
  /** The name the person gave at sign-up (the local provider's `name` claim); Cognito's access tokens carry none. */
  name: string | undefined;
  /** Cognito groups (`cognito:groups`) or the local provider's `groups` claim. */
  groups: string[];
};

export type JwtVerifier = (token: string) => Promise<AccessTokenClaims>;

export class TokenRejected extends Error {
  override name = 'TokenRejected';
}

/** Asymmetric algorithms only: `none` and every HMAC algorithm are refused before any key is looked up. */
const allowedAlgorithms = ['RS256', 'ES256', 'PS256'];
/**
 * Cognito's longest access-token lifetime. Setting a maximum age is what makes
 * jose check `iat` at all: a token issued in the future (beyond the clock
 * tolerance) is refused, as is one older than any issuer would make.
 */
const maxTokenAge = '1d';

/**
 * Verifies OIDC access tokens from Cognito or Kura's local provider: signature
 * against the issuer's keys (a JWKS, cached by jose; an unknown `kid` makes it
 * refetch), algorithm, issuer, audience (`aud`, or Cognito's `client_id`),
 * expiry, not-before and issued-at, and that it is an access token, not an ID token.
 */
export function createJwtVerifier(options: {
  issuer: string;
  audience: string;
  keys: JWTVerifyGetKey;
  clockToleranceSeconds?: number;
}): JwtVerifier {
  return async (token) => {
    let payload: JWTPayload;
    let typ: string | undefined;
    try {
      const result = await jwtVerify(token, options.keys, {
        issuer: options.issuer,
        algorithms: allowedAlgorithms,
        clockTolerance: options.clockToleranceSeconds ?? 5,
        maxTokenAge,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      payload = result.payload;
      typ = result.protectedHeader.typ;
    } catch (err) {
      throw new TokenRejected(reasonOf(err), { cause: err });
    }
    const audiences = typeof payload.aud === 'string' ? [payload.aud] : (payload.aud ?? []);
    const clientId = typeof payload.client_id === 'string' ? payload.client_id : undefined;
    if (!audiences.includes(options.audience) && clientId !== options.audience) {
      throw new TokenRejected('token is for another audience');
    }
    // Cognito marks access tokens with token_use; RFC 9068 tokens (oidc-provider) with typ at+jwt.
    const isAccessToken = payload.token_use === 'access' || typ?.toLowerCase() === 'at+jwt';
    if (!isAccessToken) throw new TokenRejected('not an access token');
    const groups = payload['cognito:groups'] ?? payload.groups;
    return {
      subject: String(payload.sub),
      email: typeof payload.email === 'string' ? payload.email : undefined,
      name:
        typeof payload.name === 'string' && payload.name.trim() !== '' ? payload.name.trim().slice(0, 100) : undefined,
      groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [],
    };
  };
}

function reasonOf(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'token expired';
  if (err instanceof errors.JWTClaimValidationFailed) return `token claim ${err.claim} is not valid`;
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'token signature is not valid';
  if (err instanceof errors.JWKSNoMatchingKey) return 'token signed with an unknown key';
  if (err instanceof errors.JOSEAlgNotAllowed) return 'token algorithm is not allowed';
  if (err instanceof errors.JOSEError) return 'token is not valid';
  return 'token could not be verified';
}

/**
 * Tokens of the configured issuer (Cognito on AWS), checked against its published keys (cached; refetched
 * for an unknown kid). Both the ECS server and the Lambda handler verify this way.
 */
export function issuerTokenVerifier(auth: Config['auth']): JwtVerifier {
  const { issuer, audience, jwksUrl } = auth;
  if (!issuer || !jwksUrl) {
    return async () => {
      throw new TokenRejected('no identity provider is configured (set KURA_OIDC_ISSUER)');
    };
  }
  return createJwtVerifier({ issuer, audience, keys: createRemoteJWKSet(new URL(jwksUrl)) });
}
