/**
 * What a write that PostgreSQL refused ran into, read from the error (through
 * Drizzle's wrapper, on node-postgres and PGlite alike), so a route can answer
 * a unique or foreign-key violation precisely: the constraint decides, not a
 * read before the write that a concurrent request could overtake.
 */
export type ConstraintViolation = { kind: 'unique' | 'foreign-key' | 'check'; constraint: string };

const kindOf: Record<string, ConstraintViolation['kind']> = {
  '23505': 'unique',
  '23503': 'foreign-key',
  '23514': 'check',
};

export function constraintViolation(err: unknown): ConstraintViolation | undefined {
  for (let current: unknown = err, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const code = 'code' in current ? current.code : undefined;
    const constraint = 'constraint' in current ? current.constraint : undefined;
    const kind = typeof code === 'string' ? kindOf[code] : undefined;
    if (kind && typeof constraint === 'string') return { kind, constraint };
    current = 'cause' in current ? current.cause : undefined;
  }
  return undefined;
}
