import { context, SpanKind, SpanStatusCode, TraceFlags, trace } from '@opentelemetry/api';
import { afterAll, describe, expect, it } from 'vitest';
import { startTracing } from './tracing.js';

// Its own provider (registered globally, as in a process): a ratio of 0 keeps no new trace.
const tracing = startTracing({ serviceName: 'kura-sampling-test', otlpEndpoint: undefined, sampleRatio: 0 });
afterAll(() => tracing.shutdown());

const tracer = () => trace.getTracer('kura');

function entrySpan(options: { fail: boolean; parent?: TraceFlags }) {
  const parentContext =
    options.parent === undefined
      ? context.active()
      : trace.setSpanContext(context.active(), {
          traceId: crypto.randomUUID().replaceAll('-', ''),
          spanId: 'b7ad6b7169203331',
          traceFlags: options.parent,
          isRemote: true,
        });
  const server = tracer().startSpan('GET /api/x', { kind: SpanKind.SERVER }, parentContext);
  const child = tracer().startSpan('db SELECT', { kind: SpanKind.CLIENT }, trace.setSpan(parentContext, server));
  const childRecorded = child.isRecording();
  child.end();
  if (options.fail) server.setStatus({ code: SpanStatusCode.ERROR });
  server.end();
  return { childRecorded, traceId: server.spanContext().traceId };
}

describe('head sampling (ratio 0: no new trace is sampled)', () => {
  it('keeps nothing of a trace that succeeded, and does not even record its SQL', () => {
    const { childRecorded, traceId } = entrySpan({ fail: false });
    expect(childRecorded).toBe(false);
    expect(tracing.spanStore.traceOf(traceId)).toEqual([]);
  });

  it('keeps the entry span of a trace that failed (errors are always kept)', () => {
    const { traceId } = entrySpan({ fail: true });
    expect(tracing.spanStore.traceOf(traceId)).toEqual([
      expect.objectContaining({ name: 'GET /api/x', kind: 'SERVER', status: 'error' }),
    ]);
  });

  it("follows the caller's decision: a sampled traceparent is kept whole, whatever the ratio", () => {
    const { traceId } = entrySpan({ fail: false, parent: TraceFlags.SAMPLED });
    expect(tracing.spanStore.traceOf(traceId).map((s) => s.kind)).toEqual(['SERVER', 'CLIENT']);
    const unsampled = entrySpan({ fail: false, parent: TraceFlags.NONE });
    expect(tracing.spanStore.traceOf(unsampled.traceId)).toEqual([]);
  });
});
