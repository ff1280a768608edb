/**
 * An error as it may be written to a log or a span: a failed query keeps its
 * SQL text, SQLSTATE, constraint, table and column, but never the values it
 * was given. Those are passwords' and tokens' hashes, e-mails and addresses:
 * Drizzle's DrizzleQueryError puts the parameters in its message and in
 * `params`; PostgreSQL's error puts row values in `detail` ("Key (email)=(…)
 * already exists", "Failing row contains (…)"), in `where`, and, for a value
 * it could not read (SQLSTATE class 22), in the message itself.
 *
 * The error itself is left as it is (a handler may still read it); a copy is
 * returned, with the same prototype so its type name survives.
 */
export function withoutQueryValues<T>(err: T): T {
  return copyOf(err, 0) as T;
}

const maxDepth = 8;

/** Fields that carry a statement's values; everything else an error has is kept. */
const valueFields = ['params', 'parameters', 'detail', 'where', 'internalQuery'] as const;

function copyOf(err: unknown, depth: number): unknown {
  if (!(err instanceof Error) || depth > maxDepth) return err;
  const copy = Object.create(Object.getPrototypeOf(err)) as Error & Record<string, unknown>;
  Object.defineProperties(copy, Object.getOwnPropertyDescriptors(err));
  const message = safeMessage(err);
  if (message !== err.message) {
    copy.message = message;
    if (typeof err.stack === 'string') copy.stack = err.stack.replace(err.message, message);
  }
  for (const field of valueFields) if (field in copy) delete copy[field];
  if (err.cause !== undefined) copy.cause = copyOf(err.cause, depth + 1);
  if (err instanceof AggregateError) copy.errors = err.errors.map((e: unknown) => copyOf(e, depth + 1));
  return copy;
}

function safeMessage(err: Error): string {
  // DrizzleQueryError: "Failed query: <sql>\nparams: <values>".
  const drizzle = /^(Failed query: [\s\S]*?)\nparams: [\s\S]*$/.exec(err.message);
  if (drizzle?.[1]) return `${drizzle[1]}\nparams: [redacted]`;
  // A data exception quotes the value it could not use: 'invalid input syntax for type uuid: "…"'.
  const code = 'code' in err && typeof err.code === 'string' ? err.code : '';
  if (/^22[0-9A-Z]{3}$/.test(code)) return err.message.replace(/:[\s\S]*$/, ': [redacted]');
  return err.message;
}

/** What an operator needs of a database error, from the first error in the chain that has a SQLSTATE. */
export type DatabaseErrorFields = {
  code: string;
  constraint?: string;
  schema?: string;
  table?: string;
  column?: string;
};

export function databaseFieldsOf(err: unknown): DatabaseErrorFields | undefined {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth <= maxDepth; e = e.cause, depth++) {
    const fields = e as Error & Partial<Record<keyof DatabaseErrorFields, unknown>>;
    if (typeof fields.code !== 'string' || !/^[0-9A-Z]{5}$/.test(fields.code)) continue;
    const named = (['constraint', 'schema', 'table', 'column'] as const).flatMap((key) =>
      typeof fields[key] === 'string' ? [[key, fields[key]] as const] : [],
    );
    return { code: fields.code, ...Object.fromEntries(named) };
  }
  return undefined;
}
