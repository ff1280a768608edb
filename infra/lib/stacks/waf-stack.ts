import type { Construct } from 'constructs';
import { Waf } from '../constructs/waf.ts';
import { KuraStack, type KuraStackProps } from './kura-stack.ts';

/** CloudFront's web ACL; AWS requires it in us-east-1. */
export class WafStack extends KuraStack {
  readonly waf: Waf;

  constructor(scope: Construct, id: string, props: KuraStackProps) {
    super(scope, id, props);
    this.waf = new Waf(this, 'Waf', {
      rateLimitPer5Min: props.config.edge.wafRateLimitPer5Min,
      logRetention: props.config.logRetentionDays,
      metricPrefix: `kura-${props.config.name}`,
    });
  }

  override get availabilityZones(): string[] {
    return ['us-east-1a', 'us-east-1b'];
  }
}
