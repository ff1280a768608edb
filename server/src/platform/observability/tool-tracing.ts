import { context, propagation, SpanKind } from '@opentelemetry/api';
import { inSpan, startTracing } from './tracing.js';

/**
 * Tracing for Kura's command-line tools (the device simulator, the load
 * generator), each a process of its own: an action is a client span exported
 * to a Kura's OTLP receiver (`--otlp-url`), and the action's requests carry
 * its `traceparent`, so the console shows the tool's action and the API's
 * work under it, down to the stock consumer, as one trace. Without a URL
 * nothing is recorded and nothing is sent.
 */
export type ToolTracing = {
  /** Runs `fn` in a client span; `headers` carry the span's traceparent for the requests it makes. */
  traced<T>(
    name: string,
    attributes: Record<string, string | number | boolean>,
    fn: (headers: Record<string, string>) => Promise<T>,
  ): Promise<T>;
  /** Sends what is still batched. */
  shutdown(): Promise<void>;
};

export function startToolTracing(options: {
  serviceName: string;
  /** The Kura whose receiver takes the spans (http://127.0.0.1:3000); undefined: no tracing. */
  otlpUrl: string | undefined;
  /** A staff access token or a service token with otlp:write. */
  token: string | undefined;
}): ToolTracing {
  if (!options.otlpUrl) return { traced: (_name, _attributes, fn) => fn({}), shutdown: async () => {} };
  const tracing = startTracing({
    serviceName: options.serviceName,
    otlpEndpoint: options.otlpUrl,
    sampleRatio: 1,
    otlpHeaders: options.token ? { Authorization: `Bearer ${options.token}` } : undefined,
  });
  return {
    traced: (name, attributes, fn) =>
      inSpan(
        name,
        attributes,
        () => {
          const headers: Record<string, string> = {};
          propagation.inject(context.active(), headers);
          return fn(headers);
        },
        SpanKind.CLIENT,
      ),
    shutdown: () => tracing.shutdown(),
  };
}
