import type { LocalProvider, LocalProviderOptions } from './adapters/local-oidc/local-provider.js';

/**
 * Identity's public surface: all that flows, the composition root and entry
 * points may use of it (a dependency-cruiser rule refuses any other import
 * from outside the module). Users and roles, service tokens, the audit log,
 * the user directory and the local sign-in provider. It publishes no events.
 */

/** The local sign-in provider's demo accounts and handle (the provider itself: `startLocalProvider` below). */
export type { DemoSignIn } from './adapters/local-oidc/demo-accounts.js';
export type { LocalProvider, LocalProviderOptions } from './adapters/local-oidc/local-provider.js';
/** A scripted sign-in with the local provider, as the SPA does it: tests, and `npm run devices` taking a staff token. */
export { createOidcTestClient } from './adapters/local-oidc/oidc-test-client.js';
/** Staff features outside identity (the dead letters' redrive) record what they did here too. */
export { recordAudit } from './audit-log.js';
export type { IdentityAuthenticationDeps, IdentityDeps } from './deps.js';
/** Cognito's pool for a Cognito issuer, the local provider's accounts when Kura is its own. */
export { directoryForIssuer } from './directory/directory-for-issuer.js';
/** What other modules and flows may read of identity: emails for staff lists, who runs the shop. */
export { listStaffMembers, userEmailsById } from './identity-read-side.js';
/** The signed-in routes (admin ones included) and how `authenticate` resolves callers. */
export { createIdentityRouter, identityAuthentication } from './identity-router.js';
export type { Directory, RemoveOwnedData } from './ports.js';

/**
 * Starts the embedded OIDC provider (the local stand-in for Cognito), loaded
 * only when called: the AWS profiles always have an issuer and never run it,
 * so their bundles leave oidc-provider out (server/build.mjs marks this
 * import external).
 */
export async function startLocalProvider(options: LocalProviderOptions): Promise<LocalProvider> {
  const adapter = await import('./adapters/local-oidc/local-provider.js');
  return adapter.startLocalProvider(options);
}
