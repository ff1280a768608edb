import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultSwitchStore } from './fault-switches.js';

export type FaultStoreSubject = { store: FaultSwitchStore; close(): Promise<void> };

/** The one contract every fault-switch store passes: nothing written is off, a write is read back, per target. */
export function describeFaultStoreContract(name: string, open: () => Promise<FaultStoreSubject>): void {
  describe(`${name}: fault store contract`, () => {
    let subject: FaultStoreSubject;
    beforeAll(async () => {
      subject = await open();
    });
    afterAll(async () => {
      await subject?.close();
    });

    it('has nothing for a target nobody switched (off)', async () => {
      expect(await subject.store.readAll()).toEqual({});
    });

    it('reads back what was written, each target on its own, the last write winning', async () => {
      await subject.store.write('stock-consumer', { latencyMs: 250, failureRate: 0.5 });
      await subject.store.write('api-orders', { latencyMs: 0, failureRate: 1 });
      await subject.store.write('stock-consumer', { latencyMs: 0, failureRate: 0.25 });
      expect(await subject.store.readAll()).toEqual({
        'stock-consumer': { latencyMs: 0, failureRate: 0.25 },
        'api-orders': { latencyMs: 0, failureRate: 1 },
      });
    });
  });
}
