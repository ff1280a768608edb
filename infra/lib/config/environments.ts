import { type EnvironmentConfig, type EnvironmentName, parseEnvironmentConfig } from './schema.ts';

const tokyo = {
  region: 'ap-northeast-1',
  availabilityZones: ['ap-northeast-1a', 'ap-northeast-1c'],
  cloudFrontOriginPrefixListId: 'pl-58a04531',
} as const;

const small = { cpu: 256, memoryMiB: 512 } as const;

const raw: Record<EnvironmentName, unknown> = {
  dev: {
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
    // The worker entry point (dist/worker.mjs) arrives with ordering (issue 6); until then no task runs
    // and none is needed: nothing publishes to the queue. It scales from zero on the first message.
    worker: { size: small, minCapacity: 0, maxCapacity: 2, messagesPerTask: 100 },
    database: {
      minAcu: 0.5,
      maxAcu: 1,
      readers: 0,
      backupRetentionDays: 7,
      deletionProtection: false,
      secretRotationDays: 30,
    },
    queue: { maxReceiveCount: 5, oldestMessageAlarmSeconds: 600 },
    logRetentionDays: 14,
    auth: { domainPrefix: 'kura-dev-auth', deletionProtection: false },
    edge: { priceClass: 'PriceClass_200', wafRateLimitPer5Min: 2000 },
    alarms: { http5xxPercent: 5, p99LatencySeconds: 2 },
    retainData: false,
  },
  stg: {
    name: 'stg',
    ...tokyo,
    network: { cidr: '10.0.0.0/16', natGateways: 1, flowLogRetentionDays: 30 },
    api: {
      size: small,
      desiredCount: 2,
      minCapacity: 1,
      maxCapacity: 4,
      cpuTargetPercent: 70,
      memoryTargetPercent: 80,
    },
    // The worker entry point (dist/worker.mjs) arrives with ordering (issue 6); until then no task runs
    // and none is needed: nothing publishes to the queue. It scales from zero on the first message.
    worker: { size: small, minCapacity: 0, maxCapacity: 2, messagesPerTask: 100 },
    database: {
      minAcu: 0.5,
      maxAcu: 2,
      readers: 0,
      backupRetentionDays: 7,
      deletionProtection: true,
      secretRotationDays: 30,
    },
    queue: { maxReceiveCount: 5, oldestMessageAlarmSeconds: 300 },
    logRetentionDays: 30,
    auth: { domainPrefix: 'kura-stg-auth', deletionProtection: true },
    edge: { priceClass: 'PriceClass_200', wafRateLimitPer5Min: 2000 },
    alarms: { http5xxPercent: 5, p99LatencySeconds: 2 },
    retainData: true,
  },
  prd: {
    name: 'prd',
    ...tokyo,
    network: { cidr: '10.0.0.0/16', natGateways: 2, flowLogRetentionDays: 90 },
    api: {
      size: { cpu: 512, memoryMiB: 1024 },
      desiredCount: 2,
      minCapacity: 2,
      maxCapacity: 4,
      cpuTargetPercent: 70,
      memoryTargetPercent: 80,
    },
    // The worker entry point (dist/worker.mjs) arrives with ordering (issue 6); until then no task runs
    // and none is needed: nothing publishes to the queue. It scales from zero on the first message.
    worker: { size: small, minCapacity: 0, maxCapacity: 4, messagesPerTask: 100 },
    database: {
      minAcu: 0.5,
      maxAcu: 4,
      readers: 1,
      backupRetentionDays: 7,
      deletionProtection: true,
      secretRotationDays: 30,
    },
    queue: { maxReceiveCount: 5, oldestMessageAlarmSeconds: 300 },
    logRetentionDays: 90,
    auth: { domainPrefix: 'kura-prd-auth', deletionProtection: true },
    edge: { priceClass: 'PriceClass_All', wafRateLimitPer5Min: 2000 },
    alarms: { http5xxPercent: 2, p99LatencySeconds: 1.5 },
    retainData: true,
  },
};

export const environmentNames = Object.keys(raw) as EnvironmentName[];

export function loadEnvironmentConfig(name: string, account?: string): EnvironmentConfig {
  if (!(name in raw)) throw new Error(`Unknown environment "${name}"; expected one of ${environmentNames.join(', ')}`);
  const base = raw[name as EnvironmentName] as Record<string, unknown>;
  return parseEnvironmentConfig(account ? { ...base, account } : base);
}
