import { createHash, randomBytes } from 'node:crypto';

/**
 * Secrets that machines present as bearer tokens (service tokens, device
 * keys): 256 random bits after a readable prefix, shown once and stored only
 * as a hash.
 *
 * A fast hash (SHA-256) is enough here, unlike for passwords: a slow KDF
 * (bcrypt, argon2) defends a low-entropy secret against guessing, and nobody
 * can enumerate 2^256 keys however fast each guess is. Fast and deterministic
 * also means the hash is the lookup key (one indexed equality per request),
 * which a salted KDF would not allow at ingest rates.
 */
export function newBearerSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function hashBearerSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
