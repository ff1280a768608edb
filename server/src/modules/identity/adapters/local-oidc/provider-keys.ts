import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { z } from 'zod';
import type { Database } from '../../../../platform/db/database.js';
import { localProviderState } from '../../schema.js';

/**
 * The local provider's signing keys and cookie keys, made at first start and
 * kept in `identity.local_provider_state`, so tokens issued before a restart
 * still verify and sign-in cookies stay valid. Never logged.
 */
export type ProviderKeys = {
  /** Private JWKs for oidc-provider's `jwks`. */
  signing: { keys: JWK[] };
  /** The same keys without their private parts: what the API verifies with. */
  public: { keys: JWK[] };
  cookies: string[];
};

const signingName = 'signing-keys';
const cookieName = 'cookie-keys';

const rsaPrivateJwk = z.looseObject({
  kty: z.literal('RSA'),
  kid: z.string().min(1),
  alg: z.literal('RS256'),
  use: z.literal('sig'),
  n: z.string().min(1),
  e: z.string().min(1),
  d: z.string().min(1),
});
const signingSchema = z.object({ keys: z.array(rsaPrivateJwk).min(1) });
const cookieSchema = z.object({ keys: z.array(z.string().min(32)).min(1) });

export async function loadProviderKeys(db: Database): Promise<ProviderKeys> {
  const signing = signingSchema.parse(await loadOrCreate(db, signingName, createSigningKeys));
  const cookies = cookieSchema.parse(await loadOrCreate(db, cookieName, createCookieKeys));
  return {
    signing: { keys: signing.keys },
    public: { keys: signing.keys.map(({ kty, kid, alg, use, n, e }) => ({ kty, kid, alg, use, n, e })) },
    cookies: cookies.keys,
  };
}

/** Two starts at once both insert; the loser reads the winner's row, so both use the same keys. */
async function loadOrCreate(db: Database, name: string, create: () => Promise<unknown>): Promise<unknown> {
  const [existing] = await db.select().from(localProviderState).where(eq(localProviderState.name, name));
  if (existing) return existing.value;
  await db
    .insert(localProviderState)
    .values({ name, value: await create() })
    .onConflictDoNothing({ target: localProviderState.name });
  const [row] = await db.select().from(localProviderState).where(eq(localProviderState.name, name));
  if (!row) throw new Error(`local provider state ${name} could not be stored`);
  return row.value;
}

async function createSigningKeys() {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] };
}

async function createCookieKeys() {
  return { keys: [randomBytes(32).toString('base64url')] };
}
