import type { Construct } from 'constructs';
import { SiteDomain } from '../constructs/site-domain.ts';
import { Waf } from '../constructs/waf.ts';
import { KuraStack, type KuraStackProps } from './kura-stack.ts';

/** What CloudFront needs from us-east-1, where AWS requires it: the web ACL and the viewer certificate. */
export class WafStack extends KuraStack {
  readonly waf: Waf;
  readonly viewer: SiteDomain;

  constructor(scope: Construct, id: string, props: KuraStackProps) {
    super(scope, id, props);
    this.waf = new Waf(this, 'Waf', {
      rateLimitPer5Min: props.config.edge.wafRateLimitPer5Min,
      logRetention: props.config.logRetentionDays,
      metricPrefix: `kura-${props.config.name}`,
    });
    const { domain } = props.config.edge;
    this.viewer = new SiteDomain(this, 'Viewer', { ...domain, certificateName: domain.name });
  }

  override get availabilityZones(): string[] {
    return ['us-east-1a', 'us-east-1b'];
  }
}
