// i18next plural forms live under suffixed keys (`_one`, `_other`, …) and
// languages need different sets of them (Japanese has only `_other`).
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** Flattens a resource tree to dotted keys, plural forms folded into their base key. */
export function translationKeys(resource: unknown, prefix = ''): string[] {
  if (typeof resource !== 'object' || resource === null) return [prefix];
  const keys = Object.entries(resource).flatMap(([key, value]) =>
    translationKeys(value, prefix ? `${prefix}.${key}` : key),
  );
  return [...new Set(keys.map((key) => key.replace(pluralSuffix, '')))].sort();
}
