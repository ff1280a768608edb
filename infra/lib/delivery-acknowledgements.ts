import { acknowledgeCdkDeploy } from './constructs/cdk-deploy-access.ts';
import type { DeliveryStack } from './stacks/delivery-stack.ts';
import { type PipelineStack, roleOf } from './stacks/pipeline-stack.ts';

/** The delivery stacks' accepted findings: the deploy grant's wildcards, on each identity that has it. */
export function acknowledgeDeliveryFindings({
  delivery,
  pipeline,
}: {
  delivery?: DeliveryStack;
  pipeline?: PipelineStack;
}): void {
  for (const roles of [delivery?.github, delivery?.gitlab]) if (roles) acknowledgeCdkDeploy(roles.deployRole);
  if (pipeline) acknowledgeCdkDeploy(roleOf(pipeline.projects.deploy));
}
