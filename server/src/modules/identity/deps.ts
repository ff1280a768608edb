import type { AuthenticateOptions } from '../../platform/auth/authenticate.js';
import type { JwtVerifier } from '../../platform/auth/jwt-verifier.js';
import type { Database } from '../../platform/db/database.js';
import type { Directory, RemoveOwnedData } from './ports.js';

/** What identity's routes need, built once by the composition root. */
export type IdentityDeps = {
  db: Database;
  /** None when the issuer is neither Cognito nor Kura's own: admins then manage roles in Kura only. */
  directory: Directory | undefined;
  removeOwnedData: RemoveOwnedData;
};

/** What identity needs to tell the platform's `authenticate` middleware who is calling. */
export type IdentityAuthenticationDeps = {
  db: Database;
  verifyAccessToken: JwtVerifier;
  serviceScopeOf: AuthenticateOptions['serviceScopeOf'];
};
