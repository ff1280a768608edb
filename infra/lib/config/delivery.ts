import { z } from 'zod';
import { environmentNames } from './environments.ts';

const environmentName = z.enum(['dev', 'stg', 'prd']);

/**
 * Who may deploy Kura into an account: the CI systems trusted through OIDC and the AWS-native
 * pipeline (ADR 0015). Read from CDK context, because it names the operator's repository, which
 * the code cannot know: `-c githubRepository=owner/repo`, `-c gitlabProject=group/project`,
 * `-c codeConnectionArn=arn:…` (with `-c pipelineRepository=owner/repo`). Each is optional; a
 * stack is only built for what is configured.
 */
export const deliveryConfigSchema = z.object({
  /** The environments this account hosts (one account per environment is recommended). */
  environments: z.array(environmentName).min(1),
  github: z
    .object({
      repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'owner/repository'),
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
  pipeline: z
    .object({
      /** A CodeConnections connection to the Git host, authorised once in the console (ADR 0015). */
      connectionArn: z
        .string()
        .regex(/^arn:aws:(?:codestar-connections|codeconnections):[a-z0-9-]+:\d{12}:connection\/[\w-]+$/),
      repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'owner/repository'),
      branch: z.string().default('main'),
    })
    .optional(),
});

export type DeliveryConfig = z.infer<typeof deliveryConfigSchema>;

export function loadDeliveryConfig(context: (key: string) => unknown): DeliveryConfig {
  const text = (key: string) => {
    const value = context(key);
    return value === undefined || value === '' ? undefined : String(value);
  };
  const githubRepository = text('githubRepository');
  const gitlabProject = text('gitlabProject');
  const connectionArn = text('codeConnectionArn');
  const result = deliveryConfigSchema.safeParse({
    environments: text('deliverTo')?.split(',') ?? environmentNames,
    github: githubRepository && { repository: githubRepository, existingProviderArn: text('githubOidcProviderArn') },
    gitlab: gitlabProject && {
      project: gitlabProject,
      url: text('gitlabUrl'),
      existingProviderArn: text('gitlabOidcProviderArn'),
    },
    pipeline: connectionArn && {
      connectionArn,
      repository: text('pipelineRepository') ?? githubRepository,
      branch: text('pipelineBranch'),
    },
  });
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`Invalid Kura delivery configuration (CDK context):\n${lines.join('\n')}`);
  }
  return result.data;
}
