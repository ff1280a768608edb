import { RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface NetworkProps {
  readonly cidr: string;
  readonly natGateways: number;
  readonly flowLogRetentionDays: logs.RetentionDays;
  /** Managed prefix list `com.amazonaws.global.cloudfront.origin-facing`. */
  readonly cloudFrontOriginPrefixListId: string;
  /** The one port CloudFront reaches the ALB on (HTTPS). */
  readonly albPort: number;
  readonly apiPort: number;
}

/**
 * The VPC and the security groups of the request path: CloudFront → ALB → API
 * tasks, plus worker tasks. Aurora's group lives with Aurora (data stack), which
 * admits exactly these task groups, so no rule here depends on the data stack.
 */
export class Network extends Construct {
  readonly vpc: ec2.Vpc;
  readonly albSecurityGroup: ec2.SecurityGroup;
  readonly apiSecurityGroup: ec2.SecurityGroup;
  readonly workerSecurityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);

    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(props.cidr),
      maxAzs: 2,
      natGateways: props.natGateways,
      restrictDefaultSecurityGroup: false,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24, mapPublicIpOnLaunch: false },
        { name: 'private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
        { name: 'isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      // Gateway endpoints are free and keep S3 and DynamoDB traffic (media, telemetry readings) off the NAT.
      gatewayEndpoints: {
        S3: { service: ec2.GatewayVpcEndpointAwsService.S3 },
        DynamoDb: { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB },
      },
    });

    const flowLogGroup = new logs.LogGroup(this, 'FlowLogs', {
      retention: props.flowLogRetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.vpc.addFlowLog('FlowLog', {
      destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogGroup),
      trafficType: ec2.FlowLogTrafficType.ALL,
    });

    const group = (name: string, description: string) =>
      new ec2.SecurityGroup(this, name, { vpc: this.vpc, description, allowAllOutbound: false });

    this.albSecurityGroup = group('AlbSg', 'Kura ALB: HTTPS from CloudFront origin-facing addresses only');
    this.apiSecurityGroup = group('ApiSg', 'Kura API tasks: app port from the ALB only');
    this.workerSecurityGroup = group('WorkerSg', 'Kura worker and one-off tasks: no inbound');

    // One rule only: AWS counts a rule that names a prefix list as the list's maximum size (55 for
    // CloudFront's origin-facing list) against the 60 inbound rules a group may hold, so a second
    // port would be 110 and the stack would fail to create (test/policies.test.ts counts them).
    const cloudFront = ec2.Peer.prefixList(props.cloudFrontOriginPrefixListId);
    this.albSecurityGroup.addIngressRule(cloudFront, ec2.Port.tcp(props.albPort), 'CloudFront origin-facing');
    this.albSecurityGroup.addEgressRule(this.apiSecurityGroup, ec2.Port.tcp(props.apiPort), 'to API tasks');

    this.apiSecurityGroup.addIngressRule(this.albSecurityGroup, ec2.Port.tcp(props.apiPort), 'from the ALB');

    for (const tasks of [this.apiSecurityGroup, this.workerSecurityGroup]) {
      // 443 reaches ECR, Secrets Manager, SQS, S3, X-Ray and Cognito's JWKS through the NAT.
      tasks.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'AWS APIs over HTTPS');
      // PostgreSQL only towards the isolated subnets, where nothing but Aurora runs. The
      // database group (in the data stack) admits these two groups; see Data.
      for (const subnet of this.vpc.isolatedSubnets) {
        tasks.addEgressRule(ec2.Peer.ipv4(subnet.ipv4CidrBlock), ec2.Port.tcp(5432), 'to Aurora');
      }
    }
  }
}
