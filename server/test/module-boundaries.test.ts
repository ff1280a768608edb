import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/platform/config/config.js';

const rule = 'modules-only-through-public-surface';

/**
 * The repository's own dependency-cruiser rules, run over a miniature of
 * Kura's layout in a temporary folder: a deep import from outside a module
 * must fail `npm run check`, and the same import through `public.ts` must pass.
 */
describe('module boundaries (dependency-cruiser, the rules `npm run check` runs)', () => {
  let root: string;
  let result: ICruiseResult;

  const files: Record<string, string> = {
    'server/src/modules/catalog/products/product-writes.ts': 'export const createProducts = () => 1;\n',
    'server/src/modules/catalog/public.ts': "export { createProducts } from './products/product-writes.js';\n",
    'server/src/modules/catalog/catalog-router.ts':
      "import { createProducts } from './products/product-writes.js';\nexport const router = createProducts;\n",
    'server/src/flows/deep-flow.ts':
      "import { createProducts } from '../modules/catalog/products/product-writes.js';\nexport const flow = createProducts;\n",
    'server/src/flows/surface-flow.ts':
      "import { createProducts } from '../modules/catalog/public.js';\nexport const flow = createProducts;\n",
    // A type-only import counts too (the config cruises TypeScript before compilation).
    'server/src/app.ts':
      "import type { createProducts } from './modules/catalog/products/product-writes.js';\nexport type App = typeof createProducts;\n",
    'server/demo/deep-demo.ts':
      "import { createProducts } from '../src/modules/catalog/products/product-writes.js';\nexport const demo = createProducts;\n",
    'server/src/flows/deep-flow.test.ts':
      "import { createProducts } from '../modules/catalog/products/product-writes.js';\nexport const probe = createProducts;\n",
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kura-boundaries-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    const options = await extractDepcruiseOptions(join(repoRoot, '.dependency-cruiser.cjs'));
    // The fixture has no tsconfig; the rules and everything else are the repository's.
    const { tsConfig: _ownTsConfig, ...cruiseOptions } = options;
    const output = await cruise(['server/src', 'server/demo'], { ...cruiseOptions, baseDir: root, validate: true });
    if (typeof output.output === 'string') throw new Error('expected a cruise result, got a report');
    result = output.output;
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const violationsOf = (from: string) =>
    result.summary.violations.filter((v) => v.rule.name === rule && v.from === from).map((v) => v.to);

  it('fails a flow, app.ts and the demo that import a module file other than its public.ts', () => {
    expect(violationsOf('server/src/flows/deep-flow.ts')).toEqual([
      'server/src/modules/catalog/products/product-writes.ts',
    ]);
    expect(violationsOf('server/src/app.ts')).toEqual(['server/src/modules/catalog/products/product-writes.ts']);
    expect(violationsOf('server/demo/deep-demo.ts')).toEqual(['server/src/modules/catalog/products/product-writes.ts']);
    expect(result.summary.violations.find((v) => v.rule.name === rule)?.rule.severity).toBe('error');
  });

  it('passes imports through public.ts, inside the module itself, and from tests', () => {
    expect(violationsOf('server/src/flows/surface-flow.ts')).toEqual([]);
    expect(violationsOf('server/src/modules/catalog/public.ts')).toEqual([]);
    expect(violationsOf('server/src/modules/catalog/catalog-router.ts')).toEqual([]);
    expect(violationsOf('server/src/flows/deep-flow.test.ts')).toEqual([]);
    // Only the three deep imports above broke a rule (so none was missed by resolving nothing).
    expect(result.summary.violations).toHaveLength(3);
  });

  it('every module of the real tree declares its public surface, its dependencies and (when it needs any) its ports', () => {
    const modulesDir = join(repoRoot, 'server/src/modules');
    for (const module of readdirSync(modulesDir)) {
      const entries = readdirSync(join(modulesDir, module));
      expect(entries, module).toContain('public.ts');
      expect(entries, module).toContain('deps.ts');
    }
  });
});
