import type { MiddlewareHandler } from 'hono';
import type { EventHandler } from '../events/consumer.js';
import { AppError } from '../http/errors.js';
import { type FaultSwitches, type FaultTarget, InjectedFaultError } from './fault-switches.js';

/**
 * The switch of the route group a request belongs to (`targetOf` its path):
 * its latency before the handler, its failures as 503 SERVICE_UNAVAILABLE,
 * the answer a client already retries for a real outage.
 */
export function faultMiddleware(
  switches: FaultSwitches,
  targetOf: (path: string) => FaultTarget | undefined,
): MiddlewareHandler {
  return async (c, next) => {
    const target = targetOf(c.req.path);
    if (target) {
      try {
        await switches.apply(target);
      } catch (error) {
        if (error instanceof InjectedFaultError) throw new AppError('SERVICE_UNAVAILABLE', error.message);
        throw error;
      }
    }
    await next();
  };
}

/**
 * The handlers with the switch in front: its latency before each delivery, its
 * failures thrown as an ordinary (transient) error, so a failing consumer takes
 * the normal road: retried with back-off, dead-lettered after the transport's
 * maximum receives, and redriven by an operator once the switch is off again.
 */
export function withFaultSwitch(
  handlers: readonly EventHandler[],
  switches: FaultSwitches,
  target: FaultTarget,
): EventHandler[] {
  return handlers.map((handler) => ({
    event: handler.event,
    async handle(payload, envelope) {
      await switches.apply(target);
      await handler.handle(payload, envelope);
    },
  }));
}
