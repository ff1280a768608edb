import { acknowledgeCdkDeploy } from './constructs/cdk-deploy-access.ts';
import type { DeliveryStack } from './stacks/delivery-stack.ts';

/** The delivery stacks' accepted findings: the deploy grant's wildcards, on each identity that has it. */
export function acknowledgeDeliveryFindings({ delivery }: { delivery?: DeliveryStack }): void {
  for (const roles of [delivery?.github, delivery?.gitlab]) if (roles) acknowledgeCdkDeploy(roles.deployRole);
}
