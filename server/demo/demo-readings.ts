import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { readingsOf } from '../src/modules/catalog/public.js';
import { demoProducts } from './catalog-data.js';

/**
 * The demo catalog's readings are made once by the analyser and shipped in
 * demo-readings-data.ts, so a first start loads the demo without loading the
 * dictionary (seconds and hundreds of MB). `npm run demo-readings` remakes the
 * file; a test checks it still matches the names.
 */
export const demoReadingsPath = fileURLToPath(new URL('./demo-readings-data.ts', import.meta.url));

export async function makeDemoReadings(): Promise<Record<string, string>> {
  const names = [...new Set(demoProducts.map((p) => p.name.ja))].sort();
  const readings = await readingsOf(names);
  return Object.fromEntries(names.map((name, i) => [name, readings[i] ?? '']));
}

export async function writeDemoReadings(): Promise<void> {
  const entries = Object.entries(await makeDemoReadings()).map(
    ([name, reading]) => `  ${JSON.stringify(name)}: ${JSON.stringify(reading)},`,
  );
  await writeFile(
    demoReadingsPath,
    `// Made by \`npm run demo-readings -w @kura/server\` (demo-readings.ts); edit the glossary in readings.ts, not this.\nexport const demoReadings: Readonly<Record<string, string>> = {\n${entries.join('\n')}\n};\n`,
  );
}
