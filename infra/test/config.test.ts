import { describe, expect, test } from 'vitest';
import { environmentNames, loadEnvironmentConfig } from '../lib/config/environments.ts';
import { parseEnvironmentConfig } from '../lib/config/schema.ts';

describe('environment configuration', () => {
  test('dev, stg and prd all validate', () => {
    expect(environmentNames).toEqual(['dev', 'stg', 'prd']);
    for (const name of environmentNames) expect(loadEnvironmentConfig(name).name).toBe(name);
  });

  test('dev follows seed 002 sizes: 0.25 vCPU / 512 MiB, 2 tasks, 0.5–1 ACU, 7-day backups', () => {
    const dev = loadEnvironmentConfig('dev');
    expect(dev.api).toMatchObject({
      size: { cpu: 256, memoryMiB: 512 },
      desiredCount: 2,
      minCapacity: 1,
      maxCapacity: 4,
    });
    expect(dev.database).toMatchObject({ minAcu: 0.5, maxAcu: 1, backupRetentionDays: 7, secretRotationDays: 30 });
  });

  test('an unsafe prd is rejected with messages naming the fields', () => {
    const prd = loadEnvironmentConfig('prd');
    const unsafe = {
      ...prd,
      network: { ...prd.network, natGateways: 1 },
      database: { ...prd.database, deletionProtection: false },
      retainData: false,
    };
    expect(() => parseEnvironmentConfig(unsafe)).toThrowError(
      /network\.natGateways[\s\S]*database\.deletionProtection[\s\S]*retainData|database\.deletionProtection[\s\S]*retainData[\s\S]*network\.natGateways/,
    );
  });

  test('the placeholder operator values synthesise offline but are refused for a real account', () => {
    expect(loadEnvironmentConfig('prd').alarms.email).toMatch(/@/);
    expect(() => loadEnvironmentConfig('prd', '123456789012')).toThrowError(
      /prd: replace the placeholder alarms\.email, auth\.mailFrom, edge\.domain, edge\.domain\.hostedZoneName in infra\/lib\/config\/environments\.ts first/,
    );
  });

  test("prd's Cognito mail sender is required, lies in the hosted zone, and is an operator's value", () => {
    const prd = loadEnvironmentConfig('prd');
    expect(prd.auth.mailFrom).toBe('no-reply@kura-shop.example');
    const { mailFrom: _, ...withoutSender } = prd.auth;
    expect(() => parseEnvironmentConfig({ ...prd, auth: withoutSender })).toThrowError(
      /auth\.mailFrom: required with auth\.sesEmail: the sender of sign-up and invitation mail, e\.g\. no-reply@kura-shop\.example/,
    );
    expect(() => parseEnvironmentConfig({ ...prd, auth: { ...prd.auth, mailFrom: 'shop@gmail.com' } })).toThrowError(
      /auth\.mailFrom: must be an address of kura-shop\.example, the domain SES verifies/,
    );
    // dev sends through Cognito and needs no sender.
    expect(loadEnvironmentConfig('dev').auth.mailFrom).toBeUndefined();
  });

  test('the ingest throttle is per environment, and its burst is not below its rate', () => {
    expect(loadEnvironmentConfig('dev').telemetry).toEqual({ ingestRatePerSecond: 5, ingestBurst: 10 });
    const prd = loadEnvironmentConfig('prd');
    expect(prd.telemetry).toEqual({ ingestRatePerSecond: 50, ingestBurst: 100 });
    expect(() =>
      parseEnvironmentConfig({ ...prd, telemetry: { ingestRatePerSecond: 100, ingestBurst: 50 } }),
    ).toThrowError(/telemetry\.ingestBurst: below ingestRatePerSecond/);
    const { telemetry: _, ...without } = prd;
    expect(() => parseEnvironmentConfig(without)).toThrowError(/telemetry/);
  });

  test('nonsense is rejected: bad retention, memory below 2 MiB per CPU unit, an unknown environment', () => {
    const dev = loadEnvironmentConfig('dev');
    expect(() => parseEnvironmentConfig({ ...dev, logRetentionDays: 10 })).toThrowError(/logRetentionDays/);
    expect(() =>
      parseEnvironmentConfig({ ...dev, api: { ...dev.api, size: { cpu: 1024, memoryMiB: 512 } } }),
    ).toThrowError(/api\.size/);
    expect(() => parseEnvironmentConfig({ ...dev, api: { ...dev.api, desiredCount: 9 } })).toThrowError(/desiredCount/);
    expect(() => loadEnvironmentConfig('qa')).toThrowError(/Unknown environment/);
  });
});
