import { type CfnElement, Duration, RemovalPolicy, Stack, type StackProps, Tags, Validations } from 'aws-cdk-lib';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as actions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { CodePipelineConfig } from '../config/delivery.ts';
import { type EnvironmentName, environmentName } from '../config/schema.ts';
import { grantCdkDeploy, grantCdkDiff } from '../constructs/cdk-deploy-access.ts';
import { withExplicitLogGroups } from '../constructs/explicit-log-groups.ts';
import {
  ciBuildSpec,
  deployBuildSpec,
  diffBuildSpec,
  imageBuildSpec,
  pipelineArtifacts,
} from '../constructs/pipeline-buildspecs.ts';

export interface PipelineStackProps extends StackProps {
  readonly pipeline: CodePipelineConfig;
  /** The environments this account hosts, deployed in this order (dev → stg → prd). */
  readonly environments: readonly EnvironmentName[];
}

/** A PipelineProject always makes its own role; the type allows none. */
export function roleOf(project: codebuild.PipelineProject): iam.IRole {
  if (!project.role) throw new Error(`${project.node.path} has no role`);
  return project.role;
}

/** Build logs are kept as long as prd's application logs: a release is traced back through them. */
const pipelineLogRetention = logs.RetentionDays.THREE_MONTHS;

/** The image CI runs on: GitLab's (Debian, the Node of .tool-versions), from ECR Public (no Docker Hub limits). */
export const ciImage = 'public.ecr.aws/docker/library/node:20.20.2-bookworm';

/**
 * Kura-Pipeline (ADR 0015): the GitHub Actions pipeline as CodePipeline and CodeBuild, for a team that
 * wants delivery inside the AWS account. Source (a CodeConnections connection to the repository) →
 * CI (the npm scripts GitHub's ci workflow runs) → build (image and SPA, once) → per environment a
 * diff action and a deploy action of that assembly; prd's deploy waits for a manual approval that
 * links to its diff. CI and deploy are stages of one execution on one commit, so nothing is
 * deployed that CI did not pass. The diff and deploy projects hold exactly the grants of the
 * GitHub and GitLab diff and deploy roles (cdk-deploy-access.ts).
 */
export class PipelineStack extends Stack {
  readonly pipeline: codepipeline.Pipeline;
  readonly artifactKey: kms.Key;
  readonly projects: {
    readonly ci: codebuild.PipelineProject;
    readonly image: codebuild.PipelineProject;
    readonly diff: codebuild.PipelineProject;
    readonly deploy: codebuild.PipelineProject;
  };

  constructor(scope: Construct, id: string, props: PipelineStackProps) {
    super(scope, id, props);
    Tags.of(this).add('app', 'kura');
    const { pipeline: config } = props;

    // One key for the artifacts, the build logs and the projects' caches: the image tarball and the
    // cloud assembly (which names every resource) are not for anyone who can read the bucket.
    this.artifactKey = new kms.Key(this, 'ArtifactKey', {
      description: 'Kura pipeline artifacts and build logs',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // CloudWatch Logs encrypts the build log groups with it: the service needs the key policy's leave,
    // limited to this account's log groups in this region.
    this.artifactKey.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${this.partition}:logs:${this.region}:${this.account}:log-group:*`,
          },
        },
      }),
    );
    const accessLogs = new s3.Bucket(this, 'ArtifactAccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED, // the S3 log delivery writes SSE-S3 only
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    const artifactBucket = new s3.Bucket(this, 'Artifacts', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.artifactKey,
      bucketKeyEnabled: true,
      enforceSSL: true,
      serverAccessLogsBucket: accessLogs,
      // GitHub keeps a run's artifacts 7 days; so does this pipeline.
      lifecycleRules: [{ expiration: Duration.days(7), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const project = (name: string, spec: object, environment: codebuild.BuildEnvironment, timeout: Duration) => {
      const logGroup = new logs.LogGroup(this, `${name}Logs`, {
        retention: pipelineLogRetention,
        encryptionKey: this.artifactKey,
        removalPolicy: RemovalPolicy.DESTROY,
      });
      return new codebuild.PipelineProject(this, name, {
        description: `Kura pipeline: ${name.toLowerCase()}`,
        buildSpec: codebuild.BuildSpec.fromObject(spec),
        environment,
        encryptionKey: this.artifactKey,
        timeout,
        logging: { cloudWatch: { logGroup } },
      });
    };
    const standard = (computeType: codebuild.ComputeType, privileged = false): codebuild.BuildEnvironment => ({
      buildImage: codebuild.LinuxBuildImage.STANDARD_7_0,
      computeType,
      privileged,
    });
    this.projects = {
      ci: project(
        'Ci',
        ciBuildSpec,
        { buildImage: codebuild.LinuxBuildImage.fromDockerRegistry(ciImage), computeType: codebuild.ComputeType.LARGE },
        Duration.minutes(60),
      ),
      // Docker builds and pushes the image: these two need the daemon (privileged mode).
      image: project('Image', imageBuildSpec, standard(codebuild.ComputeType.MEDIUM, true), Duration.minutes(30)),
      diff: project('Diff', diffBuildSpec, standard(codebuild.ComputeType.SMALL), Duration.minutes(20)),
      deploy: project('Deploy', deployBuildSpec, standard(codebuild.ComputeType.MEDIUM, true), Duration.minutes(90)),
    };
    grantCdkDiff(roleOf(this.projects.diff));
    grantCdkDeploy(roleOf(this.projects.deploy));

    const source = new codepipeline.Artifact('Source');
    const build = new codepipeline.Artifact(pipelineArtifacts.build);
    const sourceAction = new actions.CodeStarConnectionsSourceAction({
      actionName: 'Source',
      connectionArn: config.connectionArn,
      owner: config.repository.split('/')[0] as string,
      repo: config.repository.split('/')[1] as string,
      branch: config.branch,
      output: source,
      // A full clone, so the checks see the repository as a GitHub checkout (.gitignore, history).
      codeBuildCloneOutput: true,
    });
    const sha = { KURA_SHA: { value: sourceAction.variables.commitId } };

    const stages: codepipeline.StageProps[] = [
      { stageName: 'Source', actions: [sourceAction] },
      {
        stageName: 'Ci',
        actions: [
          new actions.CodeBuildAction({
            actionName: 'Ci',
            project: this.projects.ci,
            input: source,
            // The coverage summary and cdk-nag's report, as GitHub keeps them.
            outputs: [new codepipeline.Artifact('Ci')],
          }),
        ],
      },
      {
        stageName: 'Build',
        actions: [
          new actions.CodeBuildAction({
            actionName: 'Image',
            project: this.projects.image,
            input: source,
            outputs: [build],
            environmentVariables: sha,
          }),
        ],
      },
    ];
    // dev → stg → prd, whatever order the context named them in.
    for (const env of environmentName.options.filter((e) => props.environments.includes(e))) {
      const assembly = new codepipeline.Artifact(pipelineArtifacts.diff(env));
      const variables = { ...sha, KURA_ENV: { value: env } };
      const diff = new actions.CodeBuildAction({
        actionName: 'Diff',
        project: this.projects.diff,
        input: source,
        outputs: [assembly],
        environmentVariables: variables,
        variablesNamespace: `Diff_${env}`,
        runOrder: 1,
      });
      const approval =
        env === 'prd'
          ? [
              new actions.ManualApprovalAction({
                actionName: 'Approve',
                additionalInformation:
                  'Read the cdk diff of this commit (the Diff action, linked) before approving: the Deploy action deploys exactly that assembly.',
                externalEntityLink: diff.variable('DIFF_URL'),
                runOrder: 2,
              }),
            ]
          : [];
      const deploy = new actions.CodeBuildAction({
        actionName: 'Deploy',
        project: this.projects.deploy,
        input: source,
        extraInputs: [assembly, build],
        environmentVariables: variables,
        runOrder: approval.length > 0 ? 3 : 2,
      });
      stages.push({ stageName: `Deploy_${env}`, actions: [diff, ...approval, deploy] });
    }

    this.pipeline = new codepipeline.Pipeline(this, 'Pipeline', {
      pipelineName: 'kura',
      pipelineType: codepipeline.PipelineType.V2,
      // One release at a time, in order, none cancelled: GitHub's `concurrency: deploy`.
      executionMode: codepipeline.ExecutionMode.QUEUED,
      artifactBucket,
      restartExecutionOnUpdate: false,
      stages,
    });
    this.acknowledgeGrants();
  }

  /** The auto-delete helper's logs too get a group with retention (explicit-log-groups.ts). */
  protected override _toCloudFormation() {
    return withExplicitLogGroups(super._toCloudFormation(), pipelineLogRetention);
  }

  /**
   * The wildcards CDK's own grants put in the pipeline's and the projects' policies. Each is scoped to
   * this stack's bucket, key, project log group or report groups; none reaches another resource.
   */
  private acknowledgeGrants(): void {
    const iam5 = (what: string, reason: string) =>
      Validations.of(this).acknowledge({ id: `AwsSolutions::AwsSolutions-IAM5[${what}]`, reason });
    const bucket = 'the artifact bucket of this pipeline';
    for (const action of ['s3:Abort*', 's3:DeleteObject*', 's3:GetBucket*', 's3:GetObject*', 's3:List*'])
      iam5(`Action::${action}`, `CDK's artifact grant (${action}) on ${bucket} and its objects only.`);
    iam5(
      `Resource::<${this.getLogicalId(this.pipeline.artifactBucket.node.defaultChild as CfnElement)}.Arn>/*`,
      `The objects of ${bucket}: every execution writes new artifact keys, which are not known in advance.`,
    );
    for (const action of ['kms:GenerateDataKey*', 'kms:ReEncrypt*'])
      iam5(`Action::${action}`, `CDK's encrypt/decrypt grant (${action}) on the pipeline's own artifact key only.`);
    const { account, region } = this;
    for (const project of Object.values(this.projects)) {
      const id = this.getLogicalId(project.node.defaultChild as CfnElement);
      iam5(
        `Resource::arn:<AWS::Partition>:logs:${region}:${account}:log-group:/aws/codebuild/<${id}>:*`,
        "CodeBuild's default log group of this one project and its streams (CDK always grants it; the builds log to the project's own group with retention).",
      );
      iam5(
        `Resource::arn:<AWS::Partition>:codebuild:${region}:${account}:report-group/<${id}>-*`,
        "Test report groups of this one project, which CodeBuild names <project>-<report>; CDK's default grant.",
      );
    }
    Validations.of(this.projects.ci).acknowledge({
      id: 'AwsSolutions::AwsSolutions-CB5',
      reason:
        "CI runs on GitLab CI's image (Debian, the exact Node of .tool-versions, from ECR Public) so both run the same steps; the CodeBuild images offer Node only by major version and no Debian Chromium.",
    });
    for (const project of [this.projects.image, this.projects.deploy])
      Validations.of(project).acknowledge({
        id: 'AwsSolutions::AwsSolutions-CB3',
        reason:
          "Builds, loads and pushes the container image with Docker (scripts/deploy.sh image|deploy), which needs the daemon of privileged mode; the project runs only this repository's main branch.",
      });
  }
}
