import type { Construct } from 'constructs';
import { appPort } from '../constructs/kura-task.ts';
import { Network } from '../constructs/network.ts';
import { KuraStack, type KuraStackProps } from './kura-stack.ts';

/** VPC, subnets, NAT, flow logs and all security groups. Rarely changes; deployed first. */
export class NetworkStack extends KuraStack {
  readonly network: Network;

  constructor(scope: Construct, id: string, props: KuraStackProps) {
    super(scope, id, props);
    const c = props.config;
    this.network = new Network(this, 'Network', {
      cidr: c.network.cidr,
      natGateways: c.network.natGateways,
      flowLogRetentionDays: c.network.flowLogRetentionDays,
      cloudFrontOriginPrefixListId: c.cloudFrontOriginPrefixListId,
      albPort: 443,
      apiPort: appPort,
    });
  }
}
