import { SSMClient } from '@aws-sdk/client-ssm';
import type { FaultsConfig } from '../config/config.js';
import type { Logger } from '../observability/logger.js';
import { createFaultSwitches, createInProcessFaultStore, type FaultSwitches } from './fault-switches.js';
import { createSsmFaultStore } from './ssm-fault-store.js';

/** How stale another task's view of an SSM switch may be: a flip shows within this. */
const ssmRefreshMs = 10_000;

/** The switches the configuration names: this process's own, or SSM's shared by every task. */
export function openFaultSwitches(config: FaultsConfig, logger: Logger): FaultSwitches {
  if (config.store === 'in-process') return createFaultSwitches({ store: createInProcessFaultStore(), refreshMs: 0 });
  const client = new SSMClient({ region: config.region, ...(config.endpoint ? { endpoint: config.endpoint } : {}) });
  return createFaultSwitches({
    store: createSsmFaultStore({
      client,
      path: config.path,
      onInvalid: (name) => logger.warn({ parameter: name }, 'fault switch parameter does not parse; read as off'),
    }),
    refreshMs: ssmRefreshMs,
    onReadError: (error) => logger.warn({ err: error }, 'fault switches could not be read; keeping the last settings'),
  });
}
