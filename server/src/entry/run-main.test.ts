import { describe, expect, it } from 'vitest';
import { describeFailure } from './run-main.js';

describe('describeFailure', () => {
  it("carries the driver's reason that drizzle's 'Failed query' wraps, e.g. an untrusted certificate", () => {
    const tls = Object.assign(new Error('unable to verify the first certificate'), {
      code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    });
    const wrapped = new Error('Failed query: CREATE SCHEMA IF NOT EXISTS "drizzle"\nparams: ', { cause: tls });
    const text = describeFailure(wrapped);
    expect(text).toMatch(/^Error: Failed query: CREATE SCHEMA/);
    expect(text).toContain('\n  caused by: unable to verify the first certificate');
  });

  it('stops after five causes, and describes what is not an Error', () => {
    let err: Error = new Error('root');
    for (let i = 0; i < 10; i++) err = new Error(`level ${i}`, { cause: err });
    expect(describeFailure(err).match(/caused by/g)).toHaveLength(5);
    expect(describeFailure('plain')).toBe('plain');
  });
});
