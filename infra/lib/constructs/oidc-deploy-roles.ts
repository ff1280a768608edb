import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { grantCdkDeploy, grantCdkDiff } from './cdk-deploy-access.ts';

export interface OidcDeployRolesProps {
  /** The token issuer, e.g. https://token.actions.githubusercontent.com. */
  readonly issuerUrl: string;
  /** Reuse the account's provider for this issuer (an account holds one per URL). */
  readonly existingProviderArn?: string;
  /** Role names are fixed (<prefix>-diff, <prefix>-deploy) so pipelines and docs can name them. */
  readonly rolePrefix: string;
  /** `sub` claims that may make a diff (read-only). */
  readonly diffSubjects: readonly string[];
  /** `sub` claims that may deploy. */
  readonly deploySubjects: readonly string[];
}

/** The audience every Kura pipeline asks its OIDC token for. */
export const stsAudience = 'sts.amazonaws.com';

/**
 * One CI system's way into the account: its OIDC provider and two roles that trust only tokens
 * for this audience and these exact subjects. The diff role can only read (CDK lookup role);
 * the deploy role can only assume the CDK bootstrap roles and make the script's few direct calls.
 */
export class OidcDeployRoles extends Construct {
  readonly provider: iam.IOidcProvider;
  readonly diffRole: iam.Role;
  readonly deployRole: iam.Role;

  constructor(scope: Construct, id: string, props: OidcDeployRolesProps) {
    super(scope, id);
    this.provider = props.existingProviderArn
      ? iam.OidcProviderNative.fromOidcProviderArn(this, 'Provider', props.existingProviderArn)
      : new iam.OidcProviderNative(this, 'Provider', { url: props.issuerUrl, clientIds: [stsAudience] });
    const host = props.issuerUrl.replace(/^https:\/\//, '');
    const trust = (subjects: readonly string[]) =>
      new iam.WebIdentityPrincipal(this.provider.oidcProviderArn, {
        StringEquals: { [`${host}:aud`]: stsAudience, [`${host}:sub`]: [...subjects] },
      });
    this.diffRole = new iam.Role(this, 'DiffRole', {
      roleName: `${props.rolePrefix}-diff`,
      assumedBy: trust(props.diffSubjects),
      maxSessionDuration: Duration.hours(1),
      description: `Kura: cdk diff from ${host} (read-only, through the CDK lookup role)`,
    });
    grantCdkDiff(this.diffRole);
    this.deployRole = new iam.Role(this, 'DeployRole', {
      roleName: `${props.rolePrefix}-deploy`,
      assumedBy: trust(props.deploySubjects),
      maxSessionDuration: Duration.hours(1),
      description: `Kura: deploy from ${host} (through the CDK bootstrap roles)`,
    });
    grantCdkDeploy(this.deployRole);
  }
}
