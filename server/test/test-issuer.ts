import { createLocalJWKSet, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { createJwtVerifier } from '../src/platform/auth/jwt-verifier.js';

/**
 * A stand-in OIDC issuer for API tests: a real RSA key pair and JWKS, so
 * tokens are verified by the same code as in production. Only tests sign
 * tokens by hand; Kura itself never does (the provider does).
 */
export const testIssuer = 'https://issuer.kura.test';
export const testAudience = 'kura-api';

const { privateKey, publicKey } = await generateKeyPair('RS256');
const publicJwk = { ...(await exportJWK(publicKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };
export const testJwks = { keys: [publicJwk] };

export const verifyTestAccessToken = createJwtVerifier({
  issuer: testIssuer,
  audience: testAudience,
  keys: createLocalJWKSet(testJwks),
});

export type TokenOptions = {
  subject: string;
  email?: string;
  groups?: string[];
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  notBefore?: number;
  /** Seconds from now (negative: in the past); now unless given. */
  issuedAt?: number;
  issuer?: string;
  audience?: string;
  typ?: string;
  kid?: string;
  extra?: JWTPayload;
};

/** An RFC 9068 access token, as oidc-provider issues them, unless options say otherwise. */
export async function issueAccessToken(options: TokenOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({
    ...(options.email ? { email: options.email } : {}),
    ...(options.groups ? { groups: options.groups } : {}),
    client_id: 'kura-web',
    scope: 'openid',
    ...options.extra,
  })
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'test-key-1', typ: options.typ ?? 'at+jwt' })
    .setSubject(options.subject)
    .setIssuer(options.issuer ?? testIssuer)
    .setAudience(options.audience ?? testAudience)
    .setIssuedAt(now + (options.issuedAt ?? 0))
    .setExpirationTime(now + (options.expiresIn ?? 600));
  if (options.notBefore !== undefined) jwt.setNotBefore(now + options.notBefore);
  return jwt.sign(privateKey);
}

export { privateKey as testPrivateKey, publicJwk as testPublicJwk };
