/**
 * A fixed-window counter in memory: enough for one local process (on AWS,
 * Cognito and WAF limit sign-in instead). `hit` counts an attempt and says
 * whether it is still allowed; a full window answers with the seconds left.
 */
export type RateLimiter = {
  hit(key: string): { allowed: true } | { allowed: false; retryAfterSeconds: number };
  /** Whether the key is already over its limit, without counting. */
  check(key: string): { allowed: true } | { allowed: false; retryAfterSeconds: number };
  reset(key: string): void;
};

export function createRateLimiter(options: {
  limit: number;
  windowMs: number;
  now?: () => number;
  /** Bounds memory under a flood of distinct keys; the oldest windows go first. */
  maxKeys?: number;
}): RateLimiter {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 10_000;
  const windows = new Map<string, { startedAt: number; count: number }>();

  const current = (key: string) => {
    const window = windows.get(key);
    if (window && now() - window.startedAt < options.windowMs) return window;
    if (window) windows.delete(key);
    return undefined;
  };
  const refusal = (window: { startedAt: number }) => ({
    allowed: false as const,
    retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + options.windowMs - now()) / 1000)),
  });

  return {
    hit(key) {
      let window = current(key);
      if (!window) {
        if (windows.size >= maxKeys) {
          const oldest = windows.keys().next().value;
          if (oldest !== undefined) windows.delete(oldest);
        }
        window = { startedAt: now(), count: 0 };
        windows.set(key, window);
      }
      if (window.count >= options.limit) return refusal(window);
      window.count++;
      return { allowed: true };
    },
    check(key) {
      const window = current(key);
      return window && window.count >= options.limit ? refusal(window) : { allowed: true };
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
