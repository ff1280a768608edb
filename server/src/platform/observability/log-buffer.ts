import { RingBuffer } from './ring-buffer.js';

/** A log line as the operations API answers it: pino's JSON, with the fields the filters read lifted out. */
export type LogRecord = {
  time: string;
  level: string;
  /** Where it came from: the line's own `module`, else inferred (http, events, scheduling) or the service. */
  module: string;
  msg: string;
  traceId: string | undefined;
  spanId: string | undefined;
  requestId: string | undefined;
  fields: Record<string, unknown>;
};

export type LogSearch = {
  /** This level and above. */
  level?: string | undefined;
  module?: string | undefined;
  traceId?: string | undefined;
  /** Lines strictly after this time (ISO): the console's live tail asks for what is new. */
  since?: string | undefined;
  limit: number;
};

export const logLevels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
const rank = new Map<string, number>(logLevels.map((level, i) => [level, i]));

/**
 * The newest structured log lines in memory, for the operations console: a
 * second pino destination beside stdout. Lines are kept as the text pino wrote
 * (no work per line beyond a copy) and parsed only when someone asks. Bounded
 * by count and bytes.
 */
export class LogBuffer {
  readonly #lines: RingBuffer<string>;
  constructor(capacity = 5_000, maxBytes = 8 * 1024 * 1024) {
    this.#lines = new RingBuffer<string>(capacity, maxBytes, (line) => line.length * 2);
  }

  /** A pino destination stream: each write is one JSON line. */
  readonly stream = {
    write: (chunk: string) => {
      this.#lines.push(chunk);
    },
  };

  get size(): { lines: number; bytes: number } {
    return { lines: this.#lines.length, bytes: this.#lines.bytes };
  }

  /** Newest first. */
  search(search: LogSearch): LogRecord[] {
    const minimum = search.level ? (rank.get(search.level) ?? 0) : 0;
    const found: LogRecord[] = [];
    for (const line of this.#lines.newestFirst()) {
      if (found.length >= search.limit) break;
      // Cheap pre-filter before parsing: the id must appear in the text.
      if (search.traceId && !line.includes(search.traceId)) continue;
      const record = parseLine(line);
      if (!record) continue;
      if (search.since && record.time <= search.since) break;
      if ((rank.get(record.level) ?? 0) < minimum) continue;
      if (search.module && record.module !== search.module) continue;
      if (search.traceId && record.traceId !== search.traceId) continue;
      found.push(record);
    }
    return found;
  }
}

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

function parseLine(line: string): LogRecord | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object') return undefined;
  const { time, level, msg, module, traceId, spanId, requestId, ...fields } = parsed as Record<string, unknown>;
  return {
    time: str(time) ?? new Date(0).toISOString(),
    level: str(level) ?? 'info',
    module: str(module) ?? inferModule(fields) ?? str(fields.service) ?? 'unknown',
    msg: str(msg) ?? '',
    traceId: str(traceId),
    spanId: str(spanId),
    requestId: str(requestId),
    fields,
  };
}

/** Lines written by the platform's child loggers carry the fields that say where they came from. */
function inferModule(fields: Record<string, unknown>): string | undefined {
  if ('eventType' in fields || 'eventId' in fields) return 'events';
  if ('job' in fields) return 'scheduling';
  if ('method' in fields && 'status' in fields) return 'http';
  return undefined;
}
