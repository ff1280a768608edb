import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';

export interface ServiceClusterProps {
  readonly vpc: ec2.IVpc;
}

/** The ECS cluster the API, the stock worker and the migration task run in, with Container Insights. */
export class ServiceCluster extends Construct {
  readonly cluster: ecs.Cluster;

  constructor(scope: Construct, id: string, props: ServiceClusterProps) {
    super(scope, id);
    // 'Default' keeps the logical ID the cluster had before it moved into this construct
    // (a replaced cluster would replace every service in it).
    this.cluster = new ecs.Cluster(this, 'Default', {
      vpc: props.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENHANCED,
    });
  }
}
