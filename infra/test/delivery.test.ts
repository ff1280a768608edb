import { readFileSync } from 'node:fs';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { loadDeliveryConfig } from '../lib/config/delivery.ts';
import { synthDelivery } from './synth.ts';

const context: Record<string, string> = {
  githubRepository: 'kura-shop/kura',
  gitlabProject: 'kura-shop/platform/kura',
};

/** Kura-Delivery, as the app builds it from the context. */
function synthDeliveryStack(extra: Record<string, string> = {}) {
  const { error, report, template } = synthDelivery({ ...context, ...extra });
  return { error, report, template: Template.fromJSON(template('Kura-Delivery')) };
}

type Statement = { Action: string | string[]; Resource: unknown; Effect: string; Condition?: unknown };
type RoleResource = {
  Properties: { RoleName: string; AssumeRolePolicyDocument: { Statement: Statement[] } };
};

const { error, report, template } = synthDeliveryStack();
const roles = template.findResources('AWS::IAM::Role') as Record<string, RoleResource>;
const role = (name: string) => {
  const found = Object.entries(roles).find(([, r]) => r.Properties.RoleName === name);
  if (!found) throw new Error(`no role ${name}`);
  return { id: found[0], ...found[1].Properties };
};
/** Every statement of the policies attached to one role, resolved to plain ARN strings where it can. */
const policyOf = (roleId: string): Statement[] =>
  Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
const actions = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat());
const text = (value: unknown) => JSON.stringify(value);

describe('Kura-Delivery: the CI roles are code, least privilege, trusted only where they are used', () => {
  test('synth is cdk-nag clean, with each accepted wildcard acknowledged', () => {
    expect(error).toBeUndefined();
    for (const plugin of report.pluginReports) expect(plugin.violations, plugin.pluginName).toEqual([]);
  });

  test('one OIDC provider per issuer, for the STS audience only', () => {
    template.resourceCountIs('AWS::IAM::OIDCProvider', 2);
    template.hasResourceProperties('AWS::IAM::OIDCProvider', {
      Url: 'https://token.actions.githubusercontent.com',
      ClientIdList: ['sts.amazonaws.com'],
    });
    template.hasResourceProperties('AWS::IAM::OIDCProvider', {
      Url: 'https://gitlab.com',
      ClientIdList: ['sts.amazonaws.com'],
    });
  });

  test("GitHub: deploy is trusted only for this repository's environments, diff only for main", () => {
    const deploy = role('kura-github-deploy');
    expect(deploy.AssumeRolePolicyDocument.Statement).toHaveLength(1);
    expect(deploy.AssumeRolePolicyDocument.Statement[0]?.Condition).toEqual({
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': [
          'repo:kura-shop/kura:environment:dev',
          'repo:kura-shop/kura:environment:stg',
          'repo:kura-shop/kura:environment:prd',
        ],
      },
    });
    expect(role('kura-github-diff').AssumeRolePolicyDocument.Statement[0]?.Condition).toEqual({
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': ['repo:kura-shop/kura:ref:refs/heads/main'],
      },
    });
    // No StringLike anywhere: a wildcard subject would admit forks' or other branches' tokens.
    expect(text(roles)).not.toContain('StringLike');
  });

  test('an account that hosts one environment trusts only that environment', () => {
    const one = synthDeliveryStack({ deliverTo: 'prd' }).template;
    const deploy = Object.values(one.findResources('AWS::IAM::Role') as Record<string, RoleResource>).find(
      (r) => r.Properties.RoleName === 'kura-github-deploy',
    );
    expect(text(deploy?.Properties.AssumeRolePolicyDocument)).toContain('repo:kura-shop/kura:environment:prd');
    expect(text(deploy?.Properties.AssumeRolePolicyDocument)).not.toContain('environment:dev');
  });

  test("GitLab: both roles trust the project's main branch only", () => {
    for (const name of ['kura-gitlab-deploy', 'kura-gitlab-diff']) {
      expect(role(name).AssumeRolePolicyDocument.Statement[0]?.Condition, name).toEqual({
        StringEquals: {
          'gitlab.com:aud': 'sts.amazonaws.com',
          'gitlab.com:sub': ['project_path:kura-shop/platform/kura:ref_type:branch:ref:main'],
        },
      });
    }
  });

  test('the diff roles can only assume the CDK lookup roles (read-only)', () => {
    for (const name of ['kura-github-diff', 'kura-gitlab-diff']) {
      const statements = policyOf(role(name).id);
      expect(actions(statements), name).toEqual(['sts:AssumeRole']);
      const resources = text(statements[0]?.Resource);
      expect(resources).toContain('cdk-hnb659fds-lookup-role-123456789012-ap-northeast-1');
      expect(resources).toContain('cdk-hnb659fds-lookup-role-123456789012-us-east-1');
      expect(resources).not.toMatch(/deploy-role|publishing-role/);
    }
  });

  test('the deploy roles change the account only through the CDK bootstrap roles', () => {
    for (const name of ['kura-github-deploy', 'kura-gitlab-deploy']) {
      const statements = policyOf(role(name).id);
      const all = actions(statements);
      // No CloudFormation writes, no IAM, no PassRole: CloudFormation runs as the CDK deploy role.
      expect(all.filter((a) => /^(iam|cloudformation):/.test(a) && a !== 'cloudformation:DescribeStacks')).toEqual([]);
      expect(all.some((a) => a.endsWith(':*') || a === '*')).toBe(false);
      const assume = statements.find((s) => s.Action === 'sts:AssumeRole');
      // Every region a stack goes to: the home region, us-east-1 (web ACL), ap-northeast-3 (the Dr stack).
      for (const kind of ['deploy', 'file-publishing', 'image-publishing', 'lookup'])
        for (const region of ['ap-northeast-1', 'us-east-1', 'ap-northeast-3'])
          expect(text(assume?.Resource)).toContain(`cdk-hnb659fds-${kind}-role-123456789012-${region}`);
      // The scan gate reads the findings before any service runs the image.
      expect(all).toContain('ecr:DescribeImageScanFindings');
    }
  });

  test('a repository that is not owner/name is refused with the key that is wrong', () => {
    expect(() => loadDeliveryConfig((key) => ({ githubRepository: 'kura' })[key])).toThrow(/github\.repository/);
    expect(() => loadDeliveryConfig((key) => ({ githubRepository: 'a/b', deliverTo: 'qa' })[key])).toThrow(
      /environments/,
    );
  });
});

describe('the pipelines use the roles the stack defines', () => {
  const root = new URL('../../', import.meta.url);
  const gitlab = parse(readFileSync(new URL('.gitlab-ci.yml', root), 'utf8')) as Record<string, unknown>;

  test('GitLab asks for an id_token with the STS audience and deploys only from main', () => {
    const aws = gitlab['.aws'] as { id_tokens: unknown; rules: Array<{ if: string }> };
    expect(aws.id_tokens).toEqual({ AWS_ID_TOKEN: { aud: 'sts.amazonaws.com' } });
    expect(aws.rules[0]?.if).toContain('$CI_COMMIT_BRANCH == "main"');
  });
});
