import { z } from 'zod';
import { environmentNames } from './environments.ts';
import { environmentName } from './schema.ts';

/**
 * Who may deploy Kura into an account: the CI systems trusted through OIDC (ADR 0015). Read from CDK
 * context, because it names the operator's repository, which the code cannot know:
 * `-c githubRepository=owner/repo`, `-c gitlabProject=group/project`. Each is optional; a stack is
 * only built for what is configured. (The CodePipeline stack ADR 0015 describes is not built, so it
 * has no configuration here either: a setting nothing reads would suggest it works.)
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
});

export type DeliveryConfig = z.infer<typeof deliveryConfigSchema>;

export function loadDeliveryConfig(context: (key: string) => unknown): DeliveryConfig {
  const text = (key: string) => {
    const value = context(key);
    return value === undefined || value === '' ? undefined : String(value);
  };
  if (text('codeConnectionArn') !== undefined) {
    throw new Error(
      'Invalid Kura delivery configuration (CDK context):\n  codeConnectionArn: the CodePipeline stack is not built yet (docs/decisions/0015-delivery-pipelines.md); deploy through GitHub Actions or GitLab CI',
    );
  }
  const githubRepository = text('githubRepository');
  const gitlabProject = text('gitlabProject');
  const result = deliveryConfigSchema.safeParse({
    environments: text('deliverTo')?.split(',') ?? environmentNames,
    github: githubRepository && { repository: githubRepository, existingProviderArn: text('githubOidcProviderArn') },
    gitlab: gitlabProject && {
      project: gitlabProject,
      url: text('gitlabUrl'),
      existingProviderArn: text('gitlabOidcProviderArn'),
    },
  });
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`Invalid Kura delivery configuration (CDK context):\n${lines.join('\n')}`);
  }
  return result.data;
}
