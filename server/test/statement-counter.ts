import pg from 'pg';

/**
 * Counts the statements (and COMMITs) Kura's node-postgres connections send,
 * for the order bench's "statements per confirmed order" and the tests that
 * an idle process sends none. node-postgres has no hook for it and the server
 * has no pg_stat_statements here, so this wraps `Client.prototype.query`;
 * install it before any connection is made (Kura's own instrumentation binds
 * `query` per connection when it connects). Observing connections made by
 * `observerClient` are not counted.
 */

/** `commits`: COMMITs plus statements sent outside a transaction block (each commits on its own). */
export type StatementCount = { statements: number; commits: number };

const uncounted = new WeakSet<object>();
/** Connections inside BEGIN … COMMIT/ROLLBACK: a statement outside one is a transaction of its own. */
const inTransaction = new WeakSet<object>();
const counts: StatementCount = { statements: 0, commits: 0 };
let installed = false;

export function installStatementCounter(): void {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  (pg.Client.prototype as { query: unknown }).query = function counted(this: object, ...args: unknown[]) {
    if (!uncounted.has(this)) {
      counts.statements++;
      const given = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: unknown } | undefined)?.text;
      const text = typeof given === 'string' ? given.trimStart().toLowerCase() : '';
      if (text.startsWith('begin')) inTransaction.add(this);
      else if (text.startsWith('commit') || text.startsWith('rollback')) {
        inTransaction.delete(this);
        if (text.startsWith('commit')) counts.commits++;
      } else if (!inTransaction.has(this)) counts.commits++;
    }
    return original.apply(this, args);
  };
}

/** The counts so far; subtract two readings for a window. */
export function statementCount(): StatementCount {
  return { ...counts };
}

/** A connection of the bench's own (polling for a state), left out of the counts. */
export async function observerClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: 'kura-bench-observer' });
  uncounted.add(client);
  client.on('error', () => {});
  await client.connect();
  return client;
}
