import type { RetentionDays } from 'aws-cdk-lib/aws-logs';

// biome-ignore lint/suspicious/noExplicitAny: a CloudFormation template, edited structurally
type Template = { Resources?: Record<string, any> };

/**
 * Gives every Lambda function in a template a log group of its own with a retention, including the
 * functions CDK adds behind the scenes (S3 auto-delete, the cross-region export reader and writer, an
 * AwsApi event target) and the Secrets Manager rotation functions the serverless applications create
 * at deploy time. Left alone, Lambda creates `/aws/lambda/<name>` on a function's first run with no
 * retention: logs kept (and paid for) forever, outside CloudFormation, left behind on tear-down.
 *
 * On the template rather than with an aspect: CDK writes the cross-region export functions while it
 * prepares the app, after aspects have run, and offers no setting for any of these helpers. A function
 * that already names its log group (LoggingConfig) is left as it is. The groups go with the stack
 * (they hold the logs of deploy-time helpers, not data).
 */
export function withExplicitLogGroups<T extends Template>(template: T, retention: RetentionDays): T {
  const resources = template.Resources ?? {};
  const added: Record<string, unknown> = {};
  const logGroup = (properties: Record<string, unknown>) => ({
    Type: 'AWS::Logs::LogGroup',
    Properties: { ...properties, RetentionInDays: retention },
    UpdateReplacePolicy: 'Delete',
    DeletionPolicy: 'Delete',
  });
  const freeId = (base: string) => {
    let id = `${base}Logs`;
    for (let n = 2; id in resources || id in added; n++) id = `${base}Logs${n}`;
    return id;
  };
  for (const [id, resource] of Object.entries(resources)) {
    if (resource.Type === 'AWS::Lambda::Function' && resource.Properties?.LoggingConfig === undefined) {
      const groupId = freeId(id);
      added[groupId] = logGroup({});
      resource.Properties = { ...resource.Properties, LoggingConfig: { LogGroup: { Ref: groupId } } };
    }
    // The rotation applications name their function, so its group can exist before the function: a
    // first rotation would otherwise create the group itself, and CloudFormation could then not.
    const functionName = resource.Properties?.Parameters?.functionName;
    if (resource.Type === 'AWS::Serverless::Application' && typeof functionName === 'string') {
      const groupId = freeId(id);
      added[groupId] = logGroup({ LogGroupName: `/aws/lambda/${functionName}` });
      const dependsOn = resource.DependsOn === undefined ? [] : [resource.DependsOn].flat();
      resource.DependsOn = [...dependsOn, groupId];
    }
  }
  template.Resources = { ...resources, ...added };
  return template;
}
