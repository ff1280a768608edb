import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { addCatalogueAlarms, type CatalogueAlarm } from '../constructs/catalogue-alarms.ts';
import { alarmThresholds, createAlarmTopic } from '../constructs/observability.ts';
import { KuraStack, type KuraStackProps } from './kura-stack.ts';

export interface EdgeAlarmsStackProps extends KuraStackProps {
  /** The app stack's CloudFront distribution (a cross-region reference). */
  readonly distributionId: string;
}

/**
 * The catalogue's alarms on CloudFront. CloudFront publishes its metrics in us-east-1 only, and an
 * alarm reads metrics of its own region and pages a topic of its own region: so they live here, with
 * a topic of their own that the same address subscribes to.
 */
export class EdgeAlarmsStack extends KuraStack {
  readonly topic: sns.Topic;
  readonly alarms: CatalogueAlarm[];

  constructor(scope: Construct, id: string, props: EdgeAlarmsStackProps) {
    super(scope, id, props);
    this.topic = createAlarmTopic(this, props.config.alarms.email);
    this.alarms = addCatalogueAlarms(this, {
      resources: { distribution: { DistributionId: props.distributionId, Region: 'Global' } },
      topic: this.topic,
      // The environment's thresholds, as the App stack's alarms get them (none is CloudFront's today).
      thresholds: alarmThresholds(props.config),
    });
  }

  override get availabilityZones(): string[] {
    return ['us-east-1a', 'us-east-1b'];
  }
}
