import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { DatabaseOrTransaction } from '../../../platform/db/database.js';
import type { Directory } from '../ports.js';
import { createCognitoDirectory } from './cognito-directory.js';
import { createLocalDirectory } from './local-directory.js';

const cognitoIssuer = /^https:\/\/cognito-idp\.([a-z0-9-]+)\.amazonaws\.com\/([A-Za-z0-9-]+_[A-Za-z0-9]+)\/?$/;

/**
 * The directory that goes with the token issuer: the local provider's store
 * when Kura is its own issuer, the Cognito pool named by a Cognito issuer URL
 * (region and pool id are in it), and none for any other provider.
 */
export function directoryForIssuer(issuer: string | undefined, db: DatabaseOrTransaction): Directory | undefined {
  if (issuer === undefined) return createLocalDirectory({ db });
  const match = issuer.match(cognitoIssuer);
  if (!match?.[1] || !match[2]) return undefined;
  return createCognitoDirectory({
    client: new CognitoIdentityProviderClient({ region: match[1] }),
    userPoolId: match[2],
  });
}
