import { z } from 'zod';

/**
 * Fault switches: a learning tool. An operator adds latency or a failure rate
 * to one part of Kura and watches the metrics, alarms and dead letters react.
 * Every switch is off unless someone turned it on; turning one on is staff-only
 * and audited (fault-switches-router.ts).
 */

/**
 * What a switch can slow down or break. The API's route groups are matched by
 * path (`apiRouteGroups`); the stock consumer is the order flow's event
 * handlers; ingest is the devices' endpoint.
 */
export const faultTargets = [
  'stock-consumer',
  'api-catalog',
  'api-cart',
  'api-orders',
  'api-back-office',
  'ingest',
] as const;
export type FaultTarget = (typeof faultTargets)[number];

/**
 * The API paths each route group covers. The fault-switch routes and the ops
 * console's own API are in no group, so no switch can lock an operator out of
 * turning it off again.
 */
export const apiRouteGroups = {
  'api-catalog': ['/api/products', '/api/categories'],
  'api-cart': ['/api/cart'],
  'api-orders': ['/api/orders'],
  'api-back-office': ['/api/staff', '/api/admin'],
} as const satisfies Partial<Record<FaultTarget, readonly string[]>>;

/** Paths no route group covers whatever its prefix says (see `apiRouteGroups`). */
const neverFaulted = ['/api/staff/faults', '/api/ops'];

const maxLatencyMs = 30_000;

export const faultSettingSchema = z.object({
  latencyMs: z
    .int('must be a whole number of milliseconds')
    .min(0, 'must be at least 0')
    .max(maxLatencyMs, `must be at most ${maxLatencyMs}`),
  failureRate: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
});
export type FaultSetting = z.infer<typeof faultSettingSchema>;

export const faultOff: FaultSetting = { latencyMs: 0, failureRate: 0 };

export type FaultSettings = Record<FaultTarget, FaultSetting>;

/**
 * Where the switches are kept: in this process locally (one process runs
 * everything), SSM parameters on AWS (the API tasks and the stock worker read
 * the same ones). A target the store has nothing for is off.
 */
export type FaultSwitchStore = {
  readonly kind: 'in-process' | 'ssm';
  readAll(): Promise<Partial<FaultSettings>>;
  write(target: FaultTarget, setting: FaultSetting): Promise<void>;
};

/** A failure a switch injected: transient (a retry may well succeed), as the real ones it stands for. */
export class InjectedFaultError extends Error {
  override name = 'InjectedFaultError';
  constructor(readonly target: FaultTarget) {
    super(`fault switch ${target} injected this failure`);
  }
}

export type FaultSwitches = {
  readonly storeKind: FaultSwitchStore['kind'];
  /** Every target's setting as the store has it now. */
  list(): Promise<FaultSettings>;
  /** Sets one switch; this process applies it at once, others within `refreshMs`. */
  set(target: FaultTarget, setting: FaultSetting): Promise<{ before: FaultSetting; after: FaultSetting }>;
  /** Waits the switch's latency, then fails at its rate (InjectedFaultError); an off switch costs nothing. */
  apply(target: FaultTarget): Promise<void>;
};

export type FaultSwitchOptions = {
  store: FaultSwitchStore;
  /** How old the cached settings may be before `apply` reads the store again (SSM: seconds; in-process: 0). */
  refreshMs: number;
  /** Tests fix the dice. */
  random?: () => number;
  /** A store that cannot be read keeps the last settings; the caller hears why. */
  onReadError?: (error: unknown) => void;
};

const withDefaults = (partial: Partial<FaultSettings>): FaultSettings =>
  Object.fromEntries(faultTargets.map((target) => [target, partial[target] ?? faultOff])) as FaultSettings;

/**
 * The switches over a store. `apply` sits on hot paths (every API request,
 * every consumed event), so it reads a cache and refreshes it in the
 * background once it is older than `refreshMs`: a flip on another task is
 * seen within that time, and a slow or failing store never delays a request.
 */
export function createFaultSwitches(options: FaultSwitchOptions): FaultSwitches {
  const { store, refreshMs } = options;
  const random = options.random ?? Math.random;
  let cached: FaultSettings = withDefaults({});
  let readAt = Number.NEGATIVE_INFINITY;
  let reading: Promise<void> | undefined;

  function refresh(): Promise<void> {
    reading ??= store
      .readAll()
      .then((settings) => {
        cached = withDefaults(settings);
        readAt = performance.now();
      })
      .catch((error: unknown) => {
        // Keep the last settings, and try again at the next refresh rather than on every request.
        readAt = performance.now();
        options.onReadError?.(error);
      })
      .finally(() => {
        reading = undefined;
      });
    return reading;
  }

  async function current(target: FaultTarget): Promise<FaultSetting> {
    const stale = performance.now() - readAt >= refreshMs;
    // The first read waits (nothing is known yet); later ones serve the cache while refreshing.
    if (readAt === Number.NEGATIVE_INFINITY) await refresh();
    else if (stale) void refresh();
    return cached[target];
  }

  return {
    storeKind: store.kind,
    async list() {
      const settings = withDefaults(await store.readAll());
      cached = settings;
      readAt = performance.now();
      return settings;
    },
    async set(target, setting) {
      const before = withDefaults(await store.readAll())[target];
      await store.write(target, setting);
      cached = { ...cached, [target]: setting };
      return { before, after: setting };
    },
    async apply(target) {
      const { latencyMs, failureRate } = await current(target);
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      if (failureRate > 0 && random() < failureRate) throw new InjectedFaultError(target);
    },
  };
}

/** The route group a request path belongs to, if any. */
export function routeGroupOf(path: string): FaultTarget | undefined {
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  if (neverFaulted.some(under)) return undefined;
  for (const [group, prefixes] of Object.entries(apiRouteGroups)) {
    if (prefixes.some(under)) return group as FaultTarget;
  }
  return undefined;
}

/** The switches kept in this process: the local profile, where one process runs everything. */
export function createInProcessFaultStore(): FaultSwitchStore {
  const settings: Partial<FaultSettings> = {};
  return {
    kind: 'in-process',
    async readAll() {
      return { ...settings };
    },
    async write(target, setting) {
      settings[target] = { ...setting };
    },
  };
}
