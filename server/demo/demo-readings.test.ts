import { describe, expect, it } from 'vitest';
import { makeDemoReadings } from './demo-readings.js';
import { demoReadings } from './demo-readings-data.js';

describe('the demo readings shipped in demo-readings-data.ts', () => {
  it('are what the analyser and glossary make of the demo names now (else run npm run demo-readings)', async () => {
    expect(demoReadings).toEqual(await makeDemoReadings());
  }, 60_000);
});
