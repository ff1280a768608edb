import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';
import { AppError, errorResponse } from './errors.js';

/**
 * Kura's one rate limiter: a fixed-window counter in memory. `hit` counts an
 * attempt and says whether it is still allowed; a full window answers with
 * the seconds left. The local provider's sign-in lockout and the API's
 * per-caller limits on costly writes both use it.
 *
 * In memory means per process. With two or more API tasks behind the load
 * balancer each task counts on its own, so one caller can get up to
 * tasks × limit before every task refuses: these limits stop one client from
 * hammering a route, not a distributed flood. The edge limit on AWS is WAF's
 * rate-based rules (per IP, across tasks); Cognito limits sign-in there.
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

/**
 * Refuses a caller past its limit with 429 RATE_LIMITED and Retry-After, for
 * routes mounted after `authenticate`: the key is the signed-in user (or the
 * service token), so one busy customer never slows another. Every attempt
 * counts, refused or replayed ones too: each costs the server the same work.
 */
export function limitPerCaller(limiter: RateLimiter, options: { action: string }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    if (!principal) throw new Error('limitPerCaller is mounted before authenticate');
    const key = principal.kind === 'user' ? `user:${principal.userId}` : `service:${principal.tokenId}`;
    const decision = limiter.hit(key);
    if (!decision.allowed) {
      c.get('logger').warn({ action: options.action, caller: key }, 'rate limit reached');
      c.header('Retry-After', String(decision.retryAfterSeconds));
      return errorResponse(
        c,
        new AppError(
          'RATE_LIMITED',
          `Too many ${options.action} requests; try again in ${decision.retryAfterSeconds} seconds`,
        ),
      );
    }
    await next();
  };
}
