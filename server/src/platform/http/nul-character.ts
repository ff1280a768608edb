/**
 * U+0000 is legal in JSON, in URLs (%00) and in form bodies, but PostgreSQL
 * cannot store it in text: left alone it reaches a query and fails there (a
 * 500). Inputs are searched for it at the edge, once, and refused with the
 * field named.
 */
export const nulCharacterMessage = 'must not contain the NUL character (U+0000)';

const containsNul = (text: string): boolean => text.includes('\u0000');

/** The path of the first string (or object key) in `value` that holds U+0000; undefined when none does. */
export function findNulCharacter(value: unknown, path: readonly PropertyKey[] = []): PropertyKey[] | undefined {
  if (typeof value === 'string') return containsNul(value) ? [...path] : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNulCharacter(item, [...path, index]);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = containsNul(key) ? [...path, key] : findNulCharacter(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}
