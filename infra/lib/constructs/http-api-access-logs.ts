import { Validations } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as logs from 'aws-cdk-lib/aws-logs';

/**
 * JSON access logs of an HTTP API's default stage, one line per request, into `logGroup`. Set on the
 * CfnStage: the L2 HttpApi has no access-log option, and cdk-nag (APIG1) does not read the stage's
 * settings for HTTP APIs, so the finding is acknowledged here where the logs are made.
 */
export function addAccessLogs(api: apigwv2.HttpApi, logGroup: logs.ILogGroup): void {
  const stage = api.defaultStage?.node.defaultChild as apigwv2.CfnStage | undefined;
  if (!stage) throw new Error(`${api.node.path}: access logs need the default stage`);
  stage.accessLogSettings = {
    destinationArn: logGroup.logGroupArn,
    format: JSON.stringify({
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      method: '$context.httpMethod',
      path: '$context.path',
      status: '$context.status',
      latencyMs: '$context.responseLatency',
      authorizerError: '$context.authorizer.error',
    }),
  };
  Validations.of(api).acknowledge({
    id: 'AwsSolutions::AwsSolutions-APIG1',
    reason:
      'The default stage writes JSON access logs to its own log group (set on the CfnStage, which cdk-nag does not read for HTTP APIs).',
  });
}
