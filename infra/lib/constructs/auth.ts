import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

export const kuraGroups = ['customer', 'staff', 'admin'] as const;

/**
 * The admin's hand on the user directory (invite, role, disable, delete): exactly the calls the
 * API's Cognito directory adapter makes; test/app.test.ts checks them against the adapter's source.
 */
const directoryActions = [
  'AdminCreateUser',
  'AdminGetUser',
  'AdminAddUserToGroup',
  'AdminRemoveUserFromGroup',
  'AdminListGroupsForUser',
  'AdminEnableUser',
  'AdminDisableUser',
  'AdminUserGlobalSignOut',
  'AdminDeleteUser',
].map((action) => `cognito-idp:${action}`);

export interface AuthProps {
  readonly domainPrefix: string;
  readonly deletionProtection: boolean;
  readonly retain: boolean;
}

/** The Cognito user pool (stateful: users and their groups), its groups and the managed-login domain. */
export class Auth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly domain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      keepOriginal: { email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: props.deletionProtection,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    kuraGroups.forEach((groupName, precedence) => {
      // Lower precedence wins when a user is in several groups: admin over staff over customer.
      new cognito.CfnUserPoolGroup(this, `Group-${groupName}`, {
        userPoolId: this.userPool.userPoolId,
        groupName,
        precedence: kuraGroups.length - precedence,
        description: `Kura ${groupName}`,
      });
    });

    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
  }

  get issuerUrl(): string {
    return this.userPool.userPoolProviderUrl;
  }

  /** Manage users of this pool only (the API's admin routes); no other pool, no pool settings. */
  grantUserDirectory(grantee: iam.IGrantable): void {
    this.userPool.grant(grantee, ...directoryActions);
  }
}
