import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createKuraApp } from '../lib/app.ts';

/**
 * CloudFormation knows a resource by its logical ID: change the ID and a deploy creates a new
 * resource and deletes the old one — a new empty bucket or database, an SSM parameter that
 * collides with itself, a new user-pool client id. Moving resources between constructs changes
 * the IDs CDK derives from construct paths unless the move keeps them (a `Default` child, or
 * `overrideLogicalId`). This pins every stack's logical IDs and types (and its outputs, which
 * other stacks and the pipeline import by name) for all three environments. When a change to
 * the list is deliberate (a resource added or removed on purpose), update the file with
 * `npx vitest run test/logical-ids.test.ts -u` and let review read the diff.
 */
describe('logical IDs and resource types of every stack', () => {
  test('are the ones deployed so far', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'kura-ids-'));
    const { app } = createKuraApp({ outdir, context: { imageTag: 'test-sha' } });
    const assembly = app.synth();
    const stacks: Record<string, string[]> = {};
    for (const stack of assembly.stacks) {
      const template = stack.template as {
        Resources?: Record<string, { Type: string }>;
        Outputs?: Record<string, unknown>;
      };
      stacks[stack.stackName] = [
        ...Object.entries(template.Resources ?? {}).map(([id, r]) => `${id} ${r.Type}`),
        ...Object.keys(template.Outputs ?? {}).map((id) => `${id} Output`),
      ].sort();
    }
    expect(Object.keys(stacks)).toHaveLength(18);
    const sorted = Object.fromEntries(Object.entries(stacks).sort(([a], [b]) => a.localeCompare(b)));
    await expect(`${JSON.stringify(sorted, null, 2)}\n`).toMatchFileSnapshot('./fixtures/logical-ids.json');
  });
});
