import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as ses from 'aws-cdk-lib/aws-ses';
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
  /** Send mail through SES from `fromEmail`, an address of the zone's domain identity (DKIM-verified through the zone). */
  readonly sesMail?: { readonly hostedZoneId: string; readonly hostedZoneName: string; readonly fromEmail: string };
}

/** What shop customers and invited staff read: the shop speaks Japanese. */
const mails = {
  verification: {
    emailSubject: '【Kura】メールアドレスの確認',
    emailBody:
      'Kura をご利用いただきありがとうございます。\n\n確認コード: {####}\n\nこのコードを画面に入力して、メールアドレスの確認を完了してください。お心当たりのない場合は、このメールを破棄してください。',
    emailStyle: cognito.VerificationEmailStyle.CODE,
  },
  invitation: {
    emailSubject: '【Kura】アカウントのご案内',
    emailBody:
      'Kura の管理画面へ招待されました。\n\nユーザー名: {username}\n仮パスワード: {####}\n\n3 日以内にサインインし、新しいパスワードを設定してください。',
  },
};

/** The Cognito user pool (stateful: users and their groups), its groups and the managed-login domain. */
export class Auth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly domain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);

    const mail = props.sesMail ? this.sesEmail(props.sesMail) : undefined;
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
      userVerification: mails.verification,
      userInvitation: mails.invitation,
      ...(mail ? { email: mail.email } : {}),
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: props.deletionProtection,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    // Cognito checks the sender's identity when the pool is created.
    if (mail) this.userPool.node.addDependency(mail.identity);

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

  private sesEmail(mail: NonNullable<AuthProps['sesMail']>) {
    const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'MailZone', {
      hostedZoneId: mail.hostedZoneId,
      zoneName: mail.hostedZoneName,
    });
    const identity = new ses.EmailIdentity(this, 'MailIdentity', { identity: ses.Identity.publicHostedZone(zone) });
    const email = cognito.UserPoolEmail.withSES({
      fromEmail: mail.fromEmail,
      fromName: 'Kura',
      sesVerifiedDomain: mail.hostedZoneName,
      sesRegion: 'ap-northeast-1',
    });
    return { identity, email };
  }

  get issuerUrl(): string {
    return this.userPool.userPoolProviderUrl;
  }

  /** Manage users of this pool only (the API's admin routes); no other pool, no pool settings. */
  grantUserDirectory(grantee: iam.IGrantable): void {
    this.userPool.grant(grantee, ...directoryActions);
  }
}
