import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { queryKeys } from './query-keys';

type Key = readonly unknown[];

/** Every key a feature's factory makes, functions called with a sample argument. */
function keysOf(factory: unknown): Key[] {
  if (Array.isArray(factory)) return [factory];
  if (typeof factory === 'function') return [factory('x', 'y') as Key];
  return Object.values(factory as object).flatMap(keysOf);
}

const startsWith = (key: Key, prefix: Key) => prefix.every((part, i) => Object.is(key[i], part));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('query keys', () => {
  const features = Object.entries(queryKeys);

  it('let no feature’s keys be swept by invalidating another’s', () => {
    const overlaps: string[] = [];
    for (const [name, factory] of features) {
      for (const [other, otherFactory] of features) {
        if (name === other) continue;
        for (const key of keysOf(factory)) {
          for (const otherKey of keysOf(otherFactory)) {
            if (startsWith(otherKey, key)) overlaps.push(`${name} ${JSON.stringify(key)} ⊃ ${other}`);
          }
        }
      }
    }
    expect(overlaps).toEqual([]);
  });

  it('are all made by the factories: no literal key in a query or an invalidation', () => {
    const src = new URL('../..', import.meta.url).pathname;
    const literal = /queryKey: \[/;
    const offenders = sourceFiles(src).filter((file) => literal.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
