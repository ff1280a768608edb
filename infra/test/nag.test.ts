import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { describe, expect, test } from 'vitest';
import { createKuraApp } from '../lib/app.ts';

interface Report {
  pluginReports: Array<{ pluginName: string; violations: unknown[]; suppressedViolations?: unknown[] }>;
}

const synthAll = (mutate?: (app: ReturnType<typeof createKuraApp>) => void) => {
  const outdir = mkdtempSync(join(tmpdir(), 'kura-nag-'));
  const built = createKuraApp({ outdir, context: { imageTag: 'test-sha' } });
  mutate?.(built);
  let error: unknown;
  try {
    built.app.synth();
  } catch (e) {
    error = e;
  }
  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as Report;
  return { ...built, error, report };
};

describe('cdk-nag AwsSolutions on dev, stg and prd', () => {
  const clean = synthAll();

  test('synth succeeds with zero unacknowledged findings', () => {
    expect(clean.error).toBeUndefined();
    for (const plugin of clean.report.pluginReports) {
      expect({ plugin: plugin.pluginName, violations: plugin.violations }).toEqual({
        plugin: plugin.pluginName,
        violations: [],
      });
    }
    expect(clean.report.pluginReports.map((p) => p.pluginName)).toContain('AwsSolutions');
  });

  test('every acknowledgement carries a reason a reviewer can judge', () => {
    const acks: Array<{ id: string; reason: string }> = [];
    for (const construct of clean.app.node.findAll()) {
      for (const entry of construct.node.metadata) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
        // Recorded as { ruleId: reason }.
        for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) acks.push({ id, reason });
      }
    }
    expect(acks.length).toBeGreaterThan(10);
    for (const ack of acks) expect(ack.reason.length, ack.id).toBeGreaterThan(60);
  });

  test('a new violation fails synth (the check can fail)', () => {
    const broken = synthAll(({ stacks }) => {
      const dev = stacks.dev;
      if (!dev) throw new Error('no dev');
      new s3.Bucket(dev.app, 'CarelessBucket', { enforceSSL: false });
    });
    expect(broken.error).toBeDefined();
    const nag = broken.report.pluginReports.find((p) => p.pluginName === 'AwsSolutions');
    expect(JSON.stringify(nag?.violations)).toContain('CarelessBucket');
  });
});
