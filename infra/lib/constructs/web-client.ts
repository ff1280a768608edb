import { Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface WebClientProps {
  readonly userPool: cognito.IUserPool;
  /** The site's origin; sign-in returns to `<siteUrl>/auth/callback`, sign-out to `<siteUrl>/`. */
  readonly siteUrl: string;
}

/**
 * The SPA's app client on the user pool (authorization code + PKCE, no secret) and its managed
 * login branding. It lives with the release, not the pool: its callback is the site's URL.
 */
export class WebClient extends Construct {
  readonly client: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: WebClientProps) {
    super(scope, id);
    // 'Default' keeps the client's logical ID: a replaced client is a new client id, which signs everyone out.
    this.client = new cognito.UserPoolClient(this, 'Default', {
      userPool: props.userPool,
      generateSecret: false,
      authFlows: { user: false, userPassword: false, userSrp: false, adminUserPassword: false, custom: false },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`${props.siteUrl}/auth/callback`],
        logoutUrls: [`${props.siteUrl}/`],
      },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.minutes(60),
      idTokenValidity: Duration.minutes(60),
      refreshTokenValidity: Duration.days(30),
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
    });
    const branding = new cognito.CfnManagedLoginBranding(this, 'ManagedLoginBranding', {
      userPoolId: props.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    // Its ID from when the stack made it: a client has one branding, so a replacement
    // (created before the old one is deleted) would fail.
    branding.overrideLogicalId('ManagedLoginBranding');
  }

  get clientId(): string {
    return this.client.userPoolClientId;
  }
}
