/** Escapes LIKE wildcards so user input matches literally (the default escape character, backslash). */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}
