import {
  type Context,
  context,
  propagation,
  type Span,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  BatchSpanProcessor,
  type ReadableSpan,
  type Sampler,
  SamplingDecision,
  type SamplingResult,
  type SpanProcessor,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { RingBuffer } from './ring-buffer.js';
import { withoutQueryValues } from './safe-error.js';

export type SpanStatus = 'ok' | 'error' | 'unset';

export type StoredSpan = {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  /** The process that recorded it (OTel `service.name`): kura, kura-worker, the browser… */
  service: string;
  kind: string;
  startTime: string;
  durationMs: number;
  status: SpanStatus;
  attributes: Record<string, unknown>;
};

/** One trace as a search lists it: its entry span (the request or message that started the work here). */
export type TraceSummary = {
  traceId: string;
  name: string;
  service: string;
  /** The HTTP route (`GET /api/orders/:id`) when the trace entered through the API. */
  route: string | undefined;
  httpStatus: number | undefined;
  startTime: string;
  durationMs: number;
  /** error when any of its spans failed. */
  status: SpanStatus;
  spanCount: number;
};

export type TraceSearch = {
  /** Matches the entry span's route or name, case-insensitively, as a substring. */
  route?: string | undefined;
  status?: SpanStatus | undefined;
  minDurationMs?: number | undefined;
  limit: number;
};

/** An approximation of a span's size in memory: what the byte budget counts. */
function approximateBytes(span: StoredSpan): number {
  let bytes = 200 + span.name.length * 2;
  for (const [key, value] of Object.entries(span.attributes)) {
    bytes += key.length * 2 + (typeof value === 'string' ? value.length * 2 : 16);
  }
  return bytes;
}

/**
 * Keeps the most recent spans in memory, so the local operations console can
 * show traces with no collector running. Bounded by count and bytes: old
 * spans fall off, so memory stays flat under load.
 */
export class SpanStore {
  readonly #spans: RingBuffer<StoredSpan>;
  constructor(
    readonly capacity = 20_000,
    readonly maxBytes = 32 * 1024 * 1024,
  ) {
    this.#spans = new RingBuffer(capacity, maxBytes, approximateBytes);
  }

  add(span: StoredSpan): void {
    this.#spans.push(span);
  }

  get size(): { spans: number; bytes: number } {
    return { spans: this.#spans.length, bytes: this.#spans.bytes };
  }

  /** Spans of one trace, in start order. */
  traceOf(traceId: string): StoredSpan[] {
    const spans: StoredSpan[] = [];
    for (const span of this.#spans.newestFirst()) if (span.traceId === traceId) spans.push(span);
    return spans.sort((a, b) => a.startTime.localeCompare(b.startTime));
  }

  recent(limit = 100): StoredSpan[] {
    return this.#spans.toArray().slice(-limit);
  }

  /** The newest traces first; each judged by its entry span (the one whose parent is not in this store). */
  searchTraces(search: TraceSearch): TraceSummary[] {
    const byTrace = new Map<string, StoredSpan[]>();
    for (const span of this.#spans.newestFirst()) {
      const spans = byTrace.get(span.traceId);
      if (spans) spans.push(span);
      else byTrace.set(span.traceId, [span]);
    }
    const route = search.route?.toLowerCase();
    const found: TraceSummary[] = [];
    for (const [traceId, spans] of byTrace) {
      const summary = summarise(traceId, spans);
      if (route && !`${summary.route ?? ''} ${summary.name}`.toLowerCase().includes(route)) continue;
      if (search.status && summary.status !== search.status) continue;
      if (search.minDurationMs !== undefined && summary.durationMs < search.minDurationMs) continue;
      found.push(summary);
    }
    return found.sort((a, b) => b.startTime.localeCompare(a.startTime)).slice(0, search.limit);
  }
}

function summarise(traceId: string, spans: StoredSpan[]): TraceSummary {
  const ids = new Set(spans.map((s) => s.spanId));
  const roots = spans.filter((s) => s.parentSpanId === undefined || !ids.has(s.parentSpanId));
  const entry = roots.sort((a, b) => a.startTime.localeCompare(b.startTime))[0] ?? (spans[0] as StoredSpan);
  const start = Math.min(...spans.map((s) => Date.parse(s.startTime)));
  const end = Math.max(...spans.map((s) => Date.parse(s.startTime) + s.durationMs));
  const httpRoute = entry.attributes['http.route'];
  const method = entry.attributes['http.request.method'];
  const httpStatus = entry.attributes['http.response.status_code'];
  return {
    traceId,
    name: entry.name,
    service: entry.service,
    route: typeof httpRoute === 'string' ? `${typeof method === 'string' ? `${method} ` : ''}${httpRoute}` : undefined,
    httpStatus: typeof httpStatus === 'number' ? httpStatus : undefined,
    startTime: new Date(start).toISOString(),
    durationMs: Math.round((end - start) * 1000) / 1000,
    status: spans.some((s) => s.status === 'error') ? 'error' : entry.status,
    spanCount: spans.length,
  };
}

function toStoredSpan(span: ReadableSpan): StoredSpan {
  const [seconds, nanos] = span.startTime;
  const [durSeconds, durNanos] = span.duration;
  const service = span.resource.attributes[ATTR_SERVICE_NAME];
  return {
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    parentSpanId: span.parentSpanContext?.spanId,
    name: span.name,
    service: typeof service === 'string' ? service : 'unknown',
    kind: SpanKind[span.kind],
    startTime: new Date(seconds * 1000 + nanos / 1e6).toISOString(),
    durationMs: durSeconds * 1000 + durNanos / 1e6,
    status:
      span.status.code === SpanStatusCode.ERROR ? 'error' : span.status.code === SpanStatusCode.OK ? 'ok' : 'unset',
    attributes: { ...span.attributes },
  };
}

const isSampled = (span: ReadableSpan) => (span.spanContext().traceFlags & TraceFlags.SAMPLED) !== 0;

/**
 * What is kept of a trace the head sampler left out: the entry spans (the
 * request, the message) were recorded anyway, and one that failed is kept, so
 * errors are always seen whatever the ratio. It is marked sampled for the
 * exporters, which keep only sampled spans.
 */
function keptEvenIfUnsampled(span: ReadableSpan): ReadableSpan | undefined {
  if (isSampled(span)) return span;
  if (span.status.code !== SpanStatusCode.ERROR) return undefined;
  const context = { ...span.spanContext(), traceFlags: span.spanContext().traceFlags | TraceFlags.SAMPLED };
  return Object.create(span, { spanContext: { value: () => context } }) as ReadableSpan;
}

/** Sends what is kept to the in-process store and, when configured, on to an OTLP exporter's processor. */
class KeepingProcessor implements SpanProcessor {
  constructor(
    private readonly store: SpanStore,
    private readonly next: SpanProcessor | undefined,
  ) {}
  onStart(span: Parameters<SpanProcessor['onStart']>[0], parentContext: Context): void {
    this.next?.onStart(span, parentContext);
  }
  onEnd(span: ReadableSpan): void {
    const kept = keptEvenIfUnsampled(span);
    if (!kept) return;
    this.store.add(toStoredSpan(kept));
    this.next?.onEnd(kept);
  }
  forceFlush(): Promise<void> {
    return this.next?.forceFlush() ?? Promise.resolve();
  }
  shutdown(): Promise<void> {
    return this.next?.shutdown() ?? Promise.resolve();
  }
}

/**
 * Head sampling, parent-based: a trace that arrives (a `traceparent` from the
 * browser, an event's envelope) keeps its caller's decision; a new one is
 * sampled at `ratio`. Outside the sample only entry spans (server, consumer)
 * are recorded, so a failure there can still be kept; their children (SQL…)
 * cost nothing.
 */
export class KuraSampler implements Sampler {
  readonly #ratio: TraceIdRatioBasedSampler;
  constructor(readonly ratio: number) {
    this.#ratio = new TraceIdRatioBasedSampler(ratio);
  }
  shouldSample(context: Context, traceId: string, _name: string, kind: SpanKind): SamplingResult {
    const parent = trace.getSpanContext(context);
    const sampled =
      parent && trace.isSpanContextValid(parent)
        ? (parent.traceFlags & TraceFlags.SAMPLED) !== 0
        : this.#ratio.shouldSample(context, traceId).decision === SamplingDecision.RECORD_AND_SAMPLED;
    if (sampled) return { decision: SamplingDecision.RECORD_AND_SAMPLED };
    const entry = kind === SpanKind.SERVER || kind === SpanKind.CONSUMER;
    return { decision: entry ? SamplingDecision.RECORD : SamplingDecision.NOT_RECORD };
  }
  toString(): string {
    return `KuraSampler{ratio=${this.ratio}}`;
  }
}

export type Tracing = {
  provider: NodeTracerProvider;
  tracer: Tracer;
  spanStore: SpanStore;
  shutdown(): Promise<void>;
};

export type TracingOptions = {
  serviceName: string;
  otlpEndpoint: string | undefined;
  /** Share of new traces recorded (0–1); 1 when unset. */
  sampleRatio?: number | undefined;
  /** false: a provider that records nothing (no store, no export), to measure what tracing costs. */
  enabled?: boolean | undefined;
  /** Sent with each export (Authorization for Kura's own OTLP receiver); OTEL_EXPORTER_OTLP_HEADERS works too. */
  otlpHeaders?: Record<string, string> | undefined;
};

/**
 * One tracer provider per process: spans go to the in-process store always and
 * to an OTLP collector (the ADOT sidecar on AWS) when an endpoint is configured.
 */
export function startTracing(options: TracingOptions): Tracing {
  const spanStore = new SpanStore();
  const otlp = options.otlpEndpoint
    ? new BatchSpanProcessor(
        new OTLPTraceExporter({
          url: `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces`,
          ...(options.otlpHeaders ? { headers: options.otlpHeaders } : {}),
        }),
      )
    : undefined;
  const enabled = options.enabled ?? true;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
    sampler: enabled ? new KuraSampler(options.sampleRatio ?? 1) : new AlwaysOffSampler(),
    spanProcessors: enabled ? [new KeepingProcessor(spanStore, otlp)] : [],
  });
  provider.register();
  return {
    provider,
    tracer: provider.getTracer('kura'),
    spanStore,
    shutdown: () => provider.shutdown(),
  };
}

/**
 * Only the W3C trace context, no span recording: for the Lambda functions, whose spans are X-Ray's (active
 * tracing), but which still carry a device's `traceparent` from ingest to the alert queue and into the
 * events they write, so Kura's own hops (relay, worker, staff task) continue that trace.
 */
export function useTraceContext(): void {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
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
