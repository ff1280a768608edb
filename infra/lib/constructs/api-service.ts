import { Duration } from 'aws-cdk-lib';
import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { appPort, type KuraRuntime, KuraTask } from './kura-task.ts';

export interface ApiServiceProps {
  readonly vpc: ec2.IVpc;
  readonly cluster: ecs.ICluster;
  readonly runtime: KuraRuntime;
  readonly albSecurityGroup: ec2.ISecurityGroup;
  readonly serviceSecurityGroup: ec2.ISecurityGroup;
  readonly cpu: number;
  readonly memoryMiB: number;
  readonly desiredCount: number;
  readonly minCapacity: number;
  readonly maxCapacity: number;
  readonly cpuTargetPercent: number;
  readonly memoryTargetPercent: number;
  readonly accessLogBucket: s3.IBucket;
  /** For the origin name CloudFront connects to; the ALB listens on HTTPS only. */
  readonly originCertificate: acm.ICertificate;
  readonly deletionProtection: boolean;
  /** Extra tasks on Fargate Spot; one always on regular Fargate, so an interruption never empties the service. */
  readonly spot: boolean;
}

/**
 * The internal ALB (in private subnets, reached only through CloudFront's VPC origin, over HTTPS)
 * and the API Fargate service behind it.
 */
export class ApiService extends Construct implements iam.IGrantable {
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly listener: elbv2.ApplicationListener;
  readonly targetGroup: elbv2.ApplicationTargetGroup;
  readonly service: ecs.FargateService;
  readonly task: KuraTask;
  /** The task role, for `grant*` calls of the constructs this service uses. */
  readonly grantPrincipal: iam.IPrincipal;

  constructor(scope: Construct, id: string, props: ApiServiceProps) {
    super(scope, id);

    this.task = new KuraTask(this, 'Task', {
      runtime: props.runtime,
      entry: 'api',
      cpu: props.cpu,
      memoryMiB: props.memoryMiB,
      tracing: true,
      healthCheck: {
        // node:24-slim has no curl; Node's fetch does the same job.
        command: [
          'CMD',
          'node',
          '-e',
          `fetch('http://127.0.0.1:${appPort}/health').then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))`,
        ],
        interval: Duration.seconds(30),
        timeout: Duration.seconds(5),
        retries: 3,
        startPeriod: Duration.seconds(60),
      },
    });
    this.grantPrincipal = this.task.grantPrincipal;
    this.task.container.addPortMappings({ containerPort: appPort, protocol: ecs.Protocol.TCP });

    // Internal: no public address, so nothing but the VPC origin can reach it and no shared
    // secret header is needed (docs/decisions/0014-tls-end-to-end.md).
    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'Alb', {
      vpc: props.vpc,
      internetFacing: false,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroup: props.albSecurityGroup,
      dropInvalidHeaderFields: true,
      deletionProtection: props.deletionProtection,
      http2Enabled: true,
      idleTimeout: Duration.seconds(60),
    });
    this.loadBalancer.logAccessLogs(props.accessLogBucket, 'alb');

    this.service = new ecs.FargateService(this, 'Service', {
      cluster: props.cluster,
      taskDefinition: this.task.taskDefinition,
      desiredCount: props.desiredCount,
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      circuitBreaker: { enable: true, rollback: true },
      securityGroups: [props.serviceSecurityGroup],
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      assignPublicIp: false,
      enableExecuteCommand: false,
      healthCheckGracePeriod: Duration.seconds(60),
      ...(props.spot
        ? {
            capacityProviderStrategies: [
              { capacityProvider: 'FARGATE', base: 1, weight: 0 },
              { capacityProvider: 'FARGATE_SPOT', weight: 1 },
            ],
          }
        : {}),
      propagateTags: ecs.PropagatedTagSource.SERVICE,
    });

    this.targetGroup = new elbv2.ApplicationTargetGroup(this, 'Targets', {
      vpc: props.vpc,
      port: appPort,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targetType: elbv2.TargetType.IP,
      targets: [this.service],
      deregistrationDelay: Duration.seconds(30),
      // Readiness, not liveness: /ready is 503 until the API can reach its database, so a task
      // that is still starting (or has lost the database) gets no traffic. The container's own
      // check above stays on /health (liveness). ECS also replaces tasks the ALB finds unhealthy,
      // so a database outage longer than three checks (90 s) cycles tasks that could not serve anyway.
      healthCheck: {
        path: '/ready',
        interval: Duration.seconds(30),
        timeout: Duration.seconds(5),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 3,
        healthyHttpCodes: '200',
      },
    });

    this.listener = this.loadBalancer.addListener('Https', {
      port: 443,
      protocol: elbv2.ApplicationProtocol.HTTPS,
      certificates: [props.originCertificate],
      sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
      open: false,
      defaultAction: elbv2.ListenerAction.forward([this.targetGroup]),
    });

    const scaling = this.service.autoScaleTaskCount({ minCapacity: props.minCapacity, maxCapacity: props.maxCapacity });
    scaling.scaleOnCpuUtilization('Cpu', {
      targetUtilizationPercent: props.cpuTargetPercent,
      scaleOutCooldown: Duration.seconds(60),
      scaleInCooldown: Duration.seconds(300),
    });
    scaling.scaleOnMemoryUtilization('Memory', {
      targetUtilizationPercent: props.memoryTargetPercent,
      scaleOutCooldown: Duration.seconds(60),
      scaleInCooldown: Duration.seconds(300),
    });
  }
}
