import { z } from 'zod';
import { environmentNames } from './environments.ts';
import { environmentName } from './schema.ts';

/**
 * Who may deploy Kura into an account: the CI systems trusted through OIDC (ADR 0015). Read from CDK
 * context, because it names the operator's repository, which the code cannot know:
 * `-c githubRepository=owner/repo`, `-c gitlabProject=group/project`,
 * `-c codeConnectionArn=arn:aws:codeconnections:…` (with `-c pipelineRepository=owner/repo` when it is
 * not the GitHub repository). Each is optional; a stack is only built for what is configured.
 */
const repository = z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'owner/repository');

/** Kura-Pipeline (CodePipeline + CodeBuild): where its source comes from. */
export const codePipelineConfigSchema = z.object({
  /** A CodeConnections connection an administrator authorised once in the console (no API for the OAuth step). */
  connectionArn: z
    .string()
    .regex(
      /^arn:aws:(?:codeconnections|codestar-connections):[a-z0-9-]+:\d{12}:connection\/[\w-]+$/,
      'a CodeConnections connection ARN',
    ),
  repository: z
    .string({ error: 'required with codeConnectionArn: -c pipelineRepository=owner/repo (or -c githubRepository)' })
    .pipe(repository),
  /** The branch whose pushes run the pipeline: main, like deploy.yml and .gitlab-ci.yml. */
  branch: z.literal('main').default('main'),
});

export type CodePipelineConfig = z.infer<typeof codePipelineConfigSchema>;

export const deliveryConfigSchema = z.object({
  /** The environments this account hosts (one account per environment is recommended). */
  environments: z.array(environmentName).min(1),
  github: z
    .object({
      repository,
      /** An account holds one provider per URL: reuse one that exists instead of creating it. */
      existingProviderArn: z
        .string()
        .regex(/^arn:aws:iam::\d{12}:oidc-provider\/token\.actions\.githubusercontent\.com$/)
        .optional(),
    })
    .optional(),
  gitlab: z
    .object({
      project: z.string().regex(/^[\w.-]+(?:\/[\w.-]+)+$/, 'group/project'),
      /** The GitLab instance that issues the id_tokens. */
      url: z.url().default('https://gitlab.com'),
      existingProviderArn: z
        .string()
        .regex(/^arn:aws:iam::\d{12}:oidc-provider\/.+$/)
        .optional(),
    })
    .optional(),
  codePipeline: codePipelineConfigSchema.optional(),
});

export type DeliveryConfig = z.infer<typeof deliveryConfigSchema>;

export function loadDeliveryConfig(context: (key: string) => unknown): DeliveryConfig {
  const text = (key: string) => {
    const value = context(key);
    return value === undefined || value === '' ? undefined : String(value);
  };
  const githubRepository = text('githubRepository');
  const connectionArn = text('codeConnectionArn');
  const gitlabProject = text('gitlabProject');
  const result = deliveryConfigSchema.safeParse({
    environments: text('deliverTo')?.split(',') ?? environmentNames,
    github: githubRepository && { repository: githubRepository, existingProviderArn: text('githubOidcProviderArn') },
    gitlab: gitlabProject && {
      project: gitlabProject,
      url: text('gitlabUrl'),
      existingProviderArn: text('gitlabOidcProviderArn'),
    },
    codePipeline: connectionArn && {
      connectionArn,
      repository: text('pipelineRepository') ?? githubRepository,
    },
  });
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`Invalid Kura delivery configuration (CDK context):\n${lines.join('\n')}`);
  }
  return result.data;
}
