import { CfnOutput, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { DeliveryConfig } from '../config/delivery.ts';
import { OidcDeployRoles } from '../constructs/oidc-deploy-roles.ts';

export interface DeliveryStackProps extends StackProps {
  readonly delivery: DeliveryConfig;
}

/**
 * Kura-Delivery: deployed once per account by an administrator, right after `cdk bootstrap`
 * (docs/deploy.md), it replaces every hand-made CI role. GitHub: the diff role trusts main's jobs
 * outside an environment, the deploy role only jobs in the GitHub environments this account
 * hosts. GitLab's `sub` carries the branch but not the environment, so both its roles trust
 * main only; the environment gate is GitLab's protected environment (ADR 0015).
 */
export class DeliveryStack extends Stack {
  readonly github?: OidcDeployRoles;
  readonly gitlab?: OidcDeployRoles;

  constructor(scope: Construct, id: string, props: DeliveryStackProps) {
    super(scope, id, props);
    Tags.of(this).add('app', 'kura');
    const { github, gitlab, environments } = props.delivery;
    if (github) {
      const repo = `repo:${github.repository}`;
      this.github = new OidcDeployRoles(this, 'GitHub', {
        issuerUrl: 'https://token.actions.githubusercontent.com',
        existingProviderArn: github.existingProviderArn,
        rolePrefix: 'kura-github',
        diffSubjects: [`${repo}:ref:refs/heads/main`],
        deploySubjects: environments.map((e) => `${repo}:environment:${e}`),
      });
      new CfnOutput(this, 'GitHubDiffRoleArn', { value: this.github.diffRole.roleArn });
      new CfnOutput(this, 'GitHubDeployRoleArn', { value: this.github.deployRole.roleArn });
    }
    if (gitlab) {
      const main = `project_path:${gitlab.project}:ref_type:branch:ref:main`;
      this.gitlab = new OidcDeployRoles(this, 'GitLab', {
        issuerUrl: gitlab.url,
        existingProviderArn: gitlab.existingProviderArn,
        rolePrefix: 'kura-gitlab',
        diffSubjects: [main],
        deploySubjects: [main],
      });
      new CfnOutput(this, 'GitLabDiffRoleArn', { value: this.gitlab.diffRole.roleArn });
      new CfnOutput(this, 'GitLabDeployRoleArn', { value: this.gitlab.deployRole.roleArn });
    }
  }
}
