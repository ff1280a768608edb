import { describe, expect, it } from 'vitest';
import { describeFaultStoreContract } from './fault-store.contract.js';
import {
  createFaultSwitches,
  createInProcessFaultStore,
  type FaultSwitchStore,
  faultOff,
  InjectedFaultError,
  routeGroupOf,
} from './fault-switches.js';

describeFaultStoreContract('in-process', async () => ({ store: createInProcessFaultStore(), close: async () => {} }));

/** A store that counts its reads and can be made to fail. */
function countingStore() {
  const inner = createInProcessFaultStore();
  const state = { reads: 0, failing: false };
  const store: FaultSwitchStore = {
    kind: 'ssm',
    async readAll() {
      state.reads++;
      if (state.failing) throw new Error('SSM throttled');
      return inner.readAll();
    },
    write: inner.write,
  };
  return { store, state, inner };
}

describe('fault switches', () => {
  it('are all off until someone turns one on, and an off switch neither waits nor fails', async () => {
    const switches = createFaultSwitches({ store: createInProcessFaultStore(), refreshMs: 0, random: () => 0 });
    const settings = await switches.list();
    expect(Object.values(settings).every((s) => s.latencyMs === 0 && s.failureRate === 0)).toBe(true);
    await expect(switches.apply('stock-consumer')).resolves.toBeUndefined();
  });

  it('fail a delivery when the dice fall under the rate, and only then', async () => {
    let roll = 0.49;
    const switches = createFaultSwitches({ store: createInProcessFaultStore(), refreshMs: 0, random: () => roll });
    await switches.set('stock-consumer', { latencyMs: 0, failureRate: 0.5 });
    await expect(switches.apply('stock-consumer')).rejects.toBeInstanceOf(InjectedFaultError);
    roll = 0.5;
    await expect(switches.apply('stock-consumer')).resolves.toBeUndefined();
    // Another target is untouched.
    roll = 0;
    await expect(switches.apply('api-orders')).resolves.toBeUndefined();
  });

  it('add their latency before going on', async () => {
    const switches = createFaultSwitches({ store: createInProcessFaultStore(), refreshMs: 0 });
    await switches.set('api-catalog', { latencyMs: 120, failureRate: 0 });
    const started = performance.now();
    await switches.apply('api-catalog');
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });

  it('answer a set with the setting before and after', async () => {
    const switches = createFaultSwitches({ store: createInProcessFaultStore(), refreshMs: 0 });
    expect(await switches.set('ingest', { latencyMs: 5, failureRate: 0 })).toEqual({
      before: faultOff,
      after: { latencyMs: 5, failureRate: 0 },
    });
  });

  it('read a shared store at most once per refresh interval, and see another task’s flip after it', async () => {
    const { store, state, inner } = countingStore();
    const switches = createFaultSwitches({ store, refreshMs: 60_000, random: () => 0 });
    await switches.apply('stock-consumer');
    await switches.apply('stock-consumer');
    expect(state.reads).toBe(1);
    // Another task flips the switch in the shared store: this one keeps its cache until the interval passes.
    await inner.write('stock-consumer', { latencyMs: 0, failureRate: 1 });
    await expect(switches.apply('stock-consumer')).resolves.toBeUndefined();

    const soon = createFaultSwitches({ store, refreshMs: 0, random: () => 0 });
    await soon.apply('api-cart'); // first read
    await soon.apply('api-cart'); // stale: refreshes in the background, serves the cache meanwhile
    await expect(async () => {
      for (let n = 0; n < 100; n++) await soon.apply('stock-consumer');
    }).rejects.toBeInstanceOf(InjectedFaultError);
  });

  it('keep the last settings when the store cannot be read, and say why', async () => {
    const { store, state } = countingStore();
    const errors: unknown[] = [];
    const switches = createFaultSwitches({ store, refreshMs: 0, random: () => 0, onReadError: (e) => errors.push(e) });
    await switches.set('api-orders', { latencyMs: 0, failureRate: 1 });
    state.failing = true;
    await expect(switches.apply('api-orders')).rejects.toBeInstanceOf(InjectedFaultError);
    await expect(switches.apply('api-orders')).rejects.toBeInstanceOf(InjectedFaultError);
    expect(errors.length).toBeGreaterThan(0);
  });
});

describe('routeGroupOf', () => {
  it.each([
    ['/api/products', 'api-catalog'],
    ['/api/products/kome-1', 'api-catalog'],
    ['/api/categories', 'api-catalog'],
    ['/api/cart/lines', 'api-cart'],
    ['/api/orders', 'api-orders'],
    ['/api/orders/42/cancel', 'api-orders'],
    ['/api/staff/products', 'api-back-office'],
    ['/api/admin/users', 'api-back-office'],
    // Never faulted: the switches themselves and the ops console, so an operator can always turn a switch off.
    ['/api/staff/faults', undefined],
    ['/api/staff/faults/api-back-office', undefined],
    ['/api/ops/traces', undefined],
    ['/api/me', undefined],
    ['/api/productsx', undefined],
  ])('%s → %s', (path, group) => {
    expect(routeGroupOf(path)).toBe(group);
  });
});
