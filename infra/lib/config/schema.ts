import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { z } from 'zod';

const retentionDays = z
  .number()
  .refine(
    (d): d is RetentionDays => (Object.values(RetentionDays) as unknown[]).includes(d),
    'not a CloudWatch Logs retention period',
  )
  .transform((d) => d as RetentionDays);

/** The environments Kura knows; the one enum (the delivery config reuses it). */
export const environmentName = z.enum(['dev', 'stg', 'prd']);

const awsAccount = z.string().regex(/^\d{12}$/, 'an AWS account id has 12 digits');
const hostname = z.string().regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a DNS name');

const fargateSize = z
  .object({
    cpu: z.union([z.literal(256), z.literal(512), z.literal(1024), z.literal(2048)]),
    memoryMiB: z.number().int().min(512).max(16384),
  })
  .refine((s) => s.memoryMiB >= s.cpu * 2, 'Fargate needs at least 2 MiB of memory per CPU unit');

/**
 * Everything that differs between dev, stg and prd. Sizes and counts live here so
 * that the cost table in docs/deploy.md can be derived from one place.
 */
export const environmentConfigSchema = z
  .object({
    name: environmentName,
    /** Optional: the CLI fills CDK_DEFAULT_ACCOUNT from the credentials in use. */
    account: awsAccount.optional(),
    region: z.literal('ap-northeast-1'),
    /** Fixed zones so that synth never looks them up (no network in CI). */
    availabilityZones: z.tuple([z.string(), z.string()]),
    /**
     * `com.amazonaws.global.cloudfront.origin-facing` in this region. A managed
     * prefix list id is fixed per region; a lookup would need credentials at synth.
     */
    cloudFrontOriginPrefixListId: z.string().regex(/^pl-[0-9a-f]{8,17}$/),
    network: z.object({
      cidr: z.literal('10.0.0.0/16'),
      natGateways: z.number().int().min(1).max(2),
      flowLogRetentionDays: retentionDays,
    }),
    api: z.object({
      size: fargateSize,
      desiredCount: z.number().int().min(1),
      minCapacity: z.number().int().min(1),
      maxCapacity: z.number().int().min(1),
      cpuTargetPercent: z.number().min(10).max(95),
      memoryTargetPercent: z.number().min(10).max(95),
    }),
    worker: z.object({
      size: fargateSize,
      minCapacity: z.number().int().min(0),
      maxCapacity: z.number().int().min(1),
      /** Visible messages per extra task before scaling out. */
      messagesPerTask: z.number().int().positive(),
    }),
    database: z.object({
      minAcu: z.number().min(0.5).max(256),
      maxAcu: z.number().min(1).max(256),
      readers: z.number().int().min(0).max(2),
      backupRetentionDays: z.number().int().min(1).max(35),
      deletionProtection: z.boolean(),
      secretRotationDays: z.number().int().min(1).max(365),
    }),
    /** AWS Backup: a daily copy of Aurora in another region (seed 001 DR), kept as long as the snapshots. */
    backup: z.object({ copyRegion: z.literal('ap-northeast-3') }),
    queue: z.object({
      maxReceiveCount: z.number().int().min(1).max(20),
      oldestMessageAlarmSeconds: z.number().int().positive(),
    }),
    logRetentionDays: retentionDays,
    /** Run dev/stg tasks on Fargate Spot (about 70 % cheaper; a task may be stopped with two minutes' notice). */
    fargateSpot: z.boolean(),
    /**
     * Amazon Inspector enhanced (continuous) scanning for the account's registry in the region. One
     * setting per account and region: the environment that owns the account's registry turns it on.
     */
    registryEnhancedScanning: z.boolean(),
    auth: z.object({
      /** Cognito managed-login domain prefix; unique per region across all AWS accounts. */
      domainPrefix: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/),
      deletionProtection: z.boolean(),
      /**
       * Send the user pool's mail through SES from no-reply@<zone> (a DKIM-verified domain identity)
       * instead of Cognito's own sender, which allows 50 messages a day.
       */
      sesEmail: z.boolean(),
      /**
       * The sender of that mail (sign-up codes, staff invitations): an address in the hosted zone, the
       * domain SES verifies. Required when `sesEmail` is on.
       */
      mailFrom: z.email().optional(),
    }),
    /** Telemetry ingest (API Gateway stage throttle): readings batches per second, and the burst above it. */
    telemetry: z.object({
      ingestRatePerSecond: z.number().int().min(1).max(10_000),
      ingestBurst: z.number().int().min(1).max(5_000),
    }),
    edge: z.object({
      priceClass: z.enum(['PriceClass_100', 'PriceClass_200', 'PriceClass_All']),
      wafRateLimitPer5Min: z.number().int().min(100),
      /**
       * The site's name, in a public Route 53 zone Kura may write to. Required: TLS on the
       * CloudFront → ALB hop needs a certificate, and a certificate needs a name
       * (docs/decisions/0014-tls-end-to-end.md). Both certificates are validated through the zone.
       */
      domain: z
        .object({
          name: hostname,
          hostedZoneId: z.string().regex(/^Z[0-9A-Z]{1,31}$/, 'a Route 53 hosted zone id'),
          hostedZoneName: hostname,
        })
        .refine((d) => d.name === d.hostedZoneName || d.name.endsWith(`.${d.hostedZoneName}`), {
          message: 'the site name must lie in the hosted zone',
          path: ['name'],
        }),
    }),
    alarms: z.object({
      /** Subscribed to the alarm topic: an alarm that notifies nobody is not monitoring. */
      email: z.email(),
      http5xxPercent: z.number().positive(),
      p99LatencySeconds: z.number().positive(),
    }),
    /**
     * Where the product and order APIs run (ADR 0017): on the ECS API service with everything else, or as
     * Lambda functions behind API Gateway (seed 003), the rest staying on ECS.
     */
    compute: z
      .object({ productAndOrderApis: z.enum(['ecs', 'lambda']).default('ecs') })
      .default({ productAndOrderApis: 'ecs' }),
    /** Retain stateful resources on stack deletion (always true outside dev). */
    retainData: z.boolean(),
  })
  .superRefine((c, ctx) => {
    const issue = (path: string[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (c.api.minCapacity > c.api.maxCapacity) issue(['api', 'minCapacity'], 'above maxCapacity');
    if (c.api.desiredCount < c.api.minCapacity || c.api.desiredCount > c.api.maxCapacity)
      issue(['api', 'desiredCount'], 'outside min..max');
    if (c.worker.minCapacity > c.worker.maxCapacity) issue(['worker', 'minCapacity'], 'above maxCapacity');
    if (c.database.minAcu > c.database.maxAcu) issue(['database', 'minAcu'], 'above maxAcu');
    if (c.name !== 'dev') {
      if (!c.database.deletionProtection) issue(['database', 'deletionProtection'], 'required outside dev');
      if (!c.auth.deletionProtection) issue(['auth', 'deletionProtection'], 'required outside dev');
      if (!c.retainData) issue(['retainData'], 'required outside dev');
    }
    if (c.name === 'prd' && c.fargateSpot) issue(['fargateSpot'], 'prd runs on regular Fargate');
    if (c.name === 'prd' && !c.auth.sesEmail) issue(['auth', 'sesEmail'], 'prd sends its mail through SES');
    if (c.auth.sesEmail && c.auth.mailFrom === undefined)
      issue(
        ['auth', 'mailFrom'],
        `required with auth.sesEmail: the sender of sign-up and invitation mail, e.g. no-reply@${c.edge.domain.hostedZoneName}`,
      );
    if (c.auth.mailFrom !== undefined && !c.auth.mailFrom.endsWith(`@${c.edge.domain.hostedZoneName}`))
      issue(['auth', 'mailFrom'], `must be an address of ${c.edge.domain.hostedZoneName}, the domain SES verifies`);
    if (c.telemetry.ingestBurst < c.telemetry.ingestRatePerSecond)
      issue(['telemetry', 'ingestBurst'], 'below ingestRatePerSecond (the burst is the bucket the rate refills)');
    if (c.name === 'prd' && c.database.backupRetentionDays < 35)
      issue(['database', 'backupRetentionDays'], 'prd keeps 35 days (the most Aurora allows)');
    if (c.name === 'prd' && c.network.natGateways < 2) issue(['network', 'natGateways'], 'prd needs one NAT per zone');
  });

export type EnvironmentConfig = z.infer<typeof environmentConfigSchema>;
export type EnvironmentName = EnvironmentConfig['name'];

export function parseEnvironmentConfig(input: unknown): EnvironmentConfig {
  const result = environmentConfigSchema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`Invalid Kura environment configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
