import { trace } from '@opentelemetry/api';
import { type Logger, pino } from 'pino';
import type { LogBuffer } from './log-buffer.js';
import { databaseFieldsOf, withoutQueryValues } from './safe-error.js';

export type { Logger };

/**
 * Structured JSON logs. Every line carries the active trace and span ids, so a
 * log line leads to its trace; request lines also carry the request id.
 * Anything that looks like a credential is redacted before it is written, and
 * an error is written without the values of the query that failed.
 */
export function createLogger(options: {
  level: string;
  service: string;
  destination?: pino.DestinationStream;
  /** Also keeps lines (info and above, whatever `level` writes to the destination) for the operations console. */
  buffer?: LogBuffer;
}): Logger {
  const { buffer } = options;
  const bufferLevel = 'info';
  return pino(
    {
      level: buffer ? lowest(options.level === 'silent' ? bufferLevel : options.level, bufferLevel) : options.level,
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: serializeError },
      hooks: {
        // `logger.error(err)` would write the error's own message as `msg`: write the safe copy's.
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          if (!(first instanceof Error)) return method.apply(this, args);
          const err = withoutQueryValues(first);
          return method.apply(this, [{ err }, ...(rest.length > 0 ? rest : [err.message])] as Parameters<
            typeof method
          >);
        },
      },
      redact: {
        paths: [
          'password',
          '*.password',
          'token',
          '*.token',
          'secret',
          '*.secret',
          'connectionString',
          '*.connectionString',
          'req.headers.authorization',
          'req.headers.cookie',
          'headers.authorization',
          'headers.cookie',
        ],
        censor: '[redacted]',
      },
      mixin() {
        const span = trace.getActiveSpan();
        if (!span) return {};
        const { traceId, spanId } = span.spanContext();
        return { traceId, spanId };
      },
    },
    buffer
      ? pino.multistream([
          ...(options.level === 'silent'
            ? []
            : [{ level: options.level as pino.Level, stream: options.destination ?? pino.destination(1) }]),
          { level: bufferLevel, stream: buffer.stream },
        ])
      : options.destination,
  );
}

const order = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];
function lowest(a: string, b: string): string {
  return order.indexOf(a) <= order.indexOf(b) ? a : b;
}

/** pino's error serializer over the copy without query values, plus the database's own fields (SQLSTATE, constraint). */
function serializeError(err: unknown) {
  const serialized: ReturnType<typeof pino.stdSerializers.err> & { db?: unknown } = pino.stdSerializers.err(
    withoutQueryValues(err) as Error,
  );
  const db = databaseFieldsOf(err);
  if (db && serialized && typeof serialized === 'object') serialized.db = db;
  return serialized;
}
