import { type Span, SpanKind, SpanStatusCode, type Tracer, trace } from '@opentelemetry/api';
import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  type ReadableSpan,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { withoutQueryValues } from './safe-error.js';

export type StoredSpan = {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  kind: string;
  startTime: string;
  durationMs: number;
  status: 'ok' | 'error' | 'unset';
  attributes: Record<string, unknown>;
};

/**
 * Keeps the most recent spans in memory, so the local operations console can
 * show traces with no collector running. Bounded: old spans fall off.
 */
class SpanStore implements SpanExporter {
  readonly #spans: StoredSpan[] = [];
  constructor(readonly capacity = 5_000) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    for (const span of spans) {
      this.#spans.push(toStoredSpan(span));
      if (this.#spans.length > this.capacity) this.#spans.shift();
    }
    done({ code: ExportResultCode.SUCCESS });
  }

  async shutdown(): Promise<void> {}

  /** Spans of one trace, in start order. */
  traceOf(traceId: string): StoredSpan[] {
    return this.#spans.filter((s) => s.traceId === traceId).sort((a, b) => a.startTime.localeCompare(b.startTime));
  }

  recent(limit = 100): StoredSpan[] {
    return this.#spans.slice(-limit);
  }
}

function toStoredSpan(span: ReadableSpan): StoredSpan {
  const [seconds, nanos] = span.startTime;
  const [durSeconds, durNanos] = span.duration;
  return {
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    parentSpanId: span.parentSpanContext?.spanId,
    name: span.name,
    kind: SpanKind[span.kind],
    startTime: new Date(seconds * 1000 + nanos / 1e6).toISOString(),
    durationMs: durSeconds * 1000 + durNanos / 1e6,
    status:
      span.status.code === SpanStatusCode.ERROR ? 'error' : span.status.code === SpanStatusCode.OK ? 'ok' : 'unset',
    attributes: { ...span.attributes },
  };
}

export type Tracing = {
  provider: NodeTracerProvider;
  tracer: Tracer;
  spanStore: SpanStore;
  shutdown(): Promise<void>;
};

/**
 * One tracer provider per process: spans go to the in-process store always and
 * to an OTLP collector (the ADOT sidecar on AWS) when an endpoint is configured.
 */
export function startTracing(options: { serviceName: string; otlpEndpoint: string | undefined }): Tracing {
  const spanStore = new SpanStore();
  const spanProcessors: SpanProcessor[] = [new SimpleSpanProcessor(spanStore)];
  if (options.otlpEndpoint) {
    const url = `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces`;
    spanProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url })));
  }
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
    spanProcessors,
  });
  provider.register();
  return {
    provider,
    tracer: provider.getTracer('kura'),
    spanStore,
    shutdown: () => provider.shutdown(),
  };
}

/** Runs `fn` in a child span, recording a thrown error on it. */
export async function inSpan<T>(
  name: string,
  attributes: Record<string, string | number | boolean>,
  fn: (span: Span) => Promise<T>,
  kind: SpanKind = SpanKind.INTERNAL,
): Promise<T> {
  return trace.getTracer('kura').startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (err) {
      span.recordException(err instanceof Error ? withoutQueryValues(err) : String(err));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw err;
    } finally {
      span.end();
    }
  });
}
