import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { type EnvironmentConfig, type EnvironmentName, parseEnvironmentConfig } from './schema.ts';

const tokyo = {
  region: 'ap-northeast-1',
  availabilityZones: ['ap-northeast-1a', 'ap-northeast-1c'],
  cloudFrontOriginPrefixListId: 'pl-58a04531',
} as const;

const small = { cpu: 256, memoryMiB: 512 };

/**
 * Values only the operators can know. The reserved `.example` names keep synth working offline;
 * {@link loadEnvironmentConfig} refuses them once an account is given (a real deploy or diff).
 */
const operators = {
  alarmEmail: 'kura-alarms@kura-shop.example',
  /** prd's Cognito mail sender (SES), an address of the zone below. */
  mailFrom: 'no-reply@kura-shop.example',
  zone: { hostedZoneId: 'Z0000000KURASHOP', hostedZoneName: 'kura-shop.example' },
};
const placeholder = /(^|[.@])kura-shop\.example$/;

/** dev: the smallest footprint; stg and prd below say only how they differ from it. */
const dev = {
  name: 'dev',
  ...tokyo,
  network: { cidr: '10.0.0.0/16', natGateways: 1, flowLogRetentionDays: 14 },
  api: {
    size: small,
    desiredCount: 2,
    minCapacity: 1,
    maxCapacity: 4,
    cpuTargetPercent: 70,
    memoryTargetPercent: 80,
  },
  // One worker always runs, dev included: an order is confirmed only when the worker consumes its
  // OrderPlaced, and scaling from zero on a one-minute queue-depth alarm would leave a customer's
  // order pending for minutes; the worker also runs the scheduled jobs (reservation expiry).
  worker: { size: small, minCapacity: 1, maxCapacity: 2, messagesPerTask: 100 },
  database: {
    minAcu: 0.5,
    maxAcu: 1,
    readers: 0,
    backupRetentionDays: 7,
    deletionProtection: false,
    secretRotationDays: 30,
  },
  backup: { copyRegion: 'ap-northeast-3' },
  queue: { maxReceiveCount: 5, oldestMessageAlarmSeconds: 600 },
  logRetentionDays: 14,
  fargateSpot: true,
  registryEnhancedScanning: false,
  // Cognito's own sender (50 mails a day) is enough for dev: no SES sender.
  auth: {
    domainPrefix: 'kura-dev-auth',
    deletionProtection: false,
    sesEmail: false,
    mailFrom: undefined as string | undefined,
  },
  // A few test devices: a tenth of prd's allowance is plenty and caps what a runaway simulator costs.
  telemetry: { ingestRatePerSecond: 5, ingestBurst: 10 },
  edge: {
    priceClass: 'PriceClass_200',
    wafRateLimitPer5Min: 2000,
    domain: { name: `dev.${operators.zone.hostedZoneName}`, ...operators.zone },
  },
  alarms: { email: operators.alarmEmail, http5xxPercent: 5, p99LatencySeconds: 2 },
  retainData: false,
};

type Overrides<T> = { [K in keyof T]?: T[K] extends object ? Overrides<T[K]> : T[K] };

/** `base` with `overrides` laid over it, object by object; arrays and values replace. */
function withOverrides<T extends Record<string, unknown>>(base: T, overrides: Overrides<T>): T {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = merged[key];
    const nested =
      typeof value === 'object' && value !== null && !Array.isArray(value) && typeof current === 'object' && current;
    merged[key] = nested
      ? withOverrides(current as Record<string, unknown>, value as Overrides<Record<string, unknown>>)
      : value;
  }
  return merged as T;
}

const stg = withOverrides(dev, {
  name: 'stg',
  network: { flowLogRetentionDays: 30 },
  database: { maxAcu: 2, deletionProtection: true },
  queue: { oldestMessageAlarmSeconds: 300 },
  logRetentionDays: 30,
  auth: { domainPrefix: 'kura-stg-auth', deletionProtection: true },
  // 50 batches of up to 500 readings a second, far above a few storehouses' sensors reporting each minute.
  telemetry: { ingestRatePerSecond: 50, ingestBurst: 100 },
  edge: { domain: { name: `stg.${operators.zone.hostedZoneName}` } },
  retainData: true,
});

const prd = withOverrides(stg, {
  name: 'prd',
  network: { natGateways: 2, flowLogRetentionDays: 90 },
  api: { size: { cpu: 512, memoryMiB: 1024 }, minCapacity: 2 },
  worker: { maxCapacity: 4 },
  database: { maxAcu: 4, readers: 1, backupRetentionDays: 35 },
  logRetentionDays: 90,
  fargateSpot: false,
  // dev, stg and prd may share one account: prd's stack owns the registry-wide setting.
  registryEnhancedScanning: true,
  auth: { domainPrefix: 'kura-prd-auth', sesEmail: true, mailFrom: operators.mailFrom },
  edge: { priceClass: 'PriceClass_All', domain: { name: operators.zone.hostedZoneName } },
  alarms: { http5xxPercent: 2, p99LatencySeconds: 1.5 },
});

const raw: Record<EnvironmentName, unknown> = { dev, stg, prd };

export const environmentNames = Object.keys(raw) as EnvironmentName[];

/** Where the account-level stacks (Kura-Delivery) live: the environments' home region. */
export const homeRegion = tokyo.region;

/**
 * Every region a Kura stack is deployed to, over all environments: each one's own, us-east-1 (the
 * CloudFront web ACL) and its backup copies' (the Dr stack). CDK is bootstrapped in each; the CI roles
 * may assume the bootstrap roles of each.
 */
export function deployRegions(): string[] {
  return [
    ...new Set(
      environmentNames.flatMap((name) => {
        const config = loadEnvironmentConfig(name);
        return [config.region, 'us-east-1', config.backup.copyRegion];
      }),
    ),
  ];
}

/**
 * The retention of the account-wide `/aws/lambda-insights` group: the longest of the environments', so
 * that environments sharing an account (each App stack sets it) agree, and a dev deploy never shortens
 * what prd keeps.
 */
export function lambdaInsightsRetention(): RetentionDays {
  return Math.max(...environmentNames.map((name) => loadEnvironmentConfig(name).logRetentionDays)) as RetentionDays;
}

/**
 * One environment's validated configuration. `compute` overrides the environment's choice (CDK context
 * `compute=lambda`: the rehearsal and the tests synthesize the Lambda path without changing an environment).
 */
export function loadEnvironmentConfig(
  name: string,
  account?: string,
  overrides: { compute?: string | undefined } = {},
): EnvironmentConfig {
  if (!(name in raw)) throw new Error(`Unknown environment "${name}"; expected one of ${environmentNames.join(', ')}`);
  const base = raw[name as EnvironmentName] as Record<string, unknown>;
  const config = parseEnvironmentConfig({
    ...base,
    ...(account ? { account } : {}),
    ...(overrides.compute ? { compute: { productAndOrderApis: overrides.compute } } : {}),
  });
  if (account) refusePlaceholders(config);
  return config;
}

function refusePlaceholders(config: EnvironmentConfig): void {
  const left = [
    ['alarms.email', config.alarms.email],
    ['auth.mailFrom', config.auth.mailFrom ?? ''],
    ['edge.domain', config.edge.domain.name],
    ['edge.domain.hostedZoneName', config.edge.domain.hostedZoneName],
  ].filter(([, value]) => placeholder.test(value as string));
  if (left.length > 0) {
    const names = left.map(([path]) => path).join(', ');
    throw new Error(`${config.name}: replace the placeholder ${names} in infra/lib/config/environments.ts first`);
  }
}
