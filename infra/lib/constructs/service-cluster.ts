import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';

export interface ServiceClusterProps {
  readonly vpc: ec2.IVpc;
}

/** The ECS cluster the API, the stock worker and the migration task run in, with Container Insights. */
export class ServiceCluster extends Construct {
  readonly cluster: ecs.Cluster;
  /** Services that name FARGATE_SPOT depend on it (the provider must be associated first). */
  readonly capacityProviders: ecs.CfnClusterCapacityProviderAssociations;

  constructor(scope: Construct, id: string, props: ServiceClusterProps) {
    super(scope, id);
    // 'Default' keeps the logical ID the cluster had before it moved into this construct
    // (a replaced cluster would replace every service in it).
    this.cluster = new ecs.Cluster(this, 'Default', {
      vpc: props.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENHANCED,
    });
    // Made here rather than through enableFargateCapacityProviders, whose association would be a
    // second default child of the cluster (its construct id is already 'Default', see above).
    this.capacityProviders = new ecs.CfnClusterCapacityProviderAssociations(this, 'CapacityProviders', {
      cluster: this.cluster.clusterName,
      capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }],
    });
  }
}
