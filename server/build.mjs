// Bundles the server entry points for AWS: one self-contained ESM file per entry
// in server/dist/ (`node dist/api.mjs`), so the container image needs no node_modules.
// Usage: node server/build.mjs (from the repo root or server/).
import { copyFileSync, cpSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { esmRequireBanner, localOnlyExternals, rdsCaBundleFile, writeRdsCaBundle } from './aws-bundle.mjs';

const serverDir = dirname(fileURLToPath(import.meta.url));
const outDir = join(serverDir, 'dist');
const entries = ['api', 'lambda', 'ingest-lambda', 'migrate', 'worker']
  .map((name) => ({ name, file: join(serverDir, 'src', 'entry', `${name}.ts`) }))
  .filter((entry) => existsSync(entry.file));

if (entries.length === 0) {
  console.error('server/build.mjs: no entry points found under server/src/entry/');
  process.exit(1);
}

rmSync(outDir, { recursive: true, force: true });

const result = await build({
  entryPoints: Object.fromEntries(entries.map((e) => [e.name, e.file])),
  outdir: outDir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: false,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  sourcemap: true,
  // Readable stack traces matter more than a few hundred kB in a container.
  minify: false,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  banner: { js: esmRequireBanner },
  external: [
    // The embedded database and pg's optional native binding (aws-bundle.mjs says why).
    ...localOnlyExternals,
    // The embedded OIDC provider (oidc-provider, Koa) runs only when no issuer is configured,
    // which never happens on AWS; identity's public.ts loads it with a dynamic import.
    './adapters/local-oidc/local-provider.js',
    // The demo storehouse (server/demo/) is loaded only when KURA_DEMO_DATA is on, which the AWS
    // profiles never set; app.ts loads them with a dynamic import.
    './flows/load-demo-data.js',
    './flows/load-demo-telemetry.js',
    // Native (libvips): esbuild cannot bundle it; copied beside the bundles below.
    'sharp',
    // Product readings: it reads its dictionary files from its own package folder, so the package is copied too.
    'kuromoji',
  ],
});

const demoDir = join(serverDir, 'demo') + sep;
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  if (!file.endsWith('.mjs')) continue;
  const demo = Object.keys(output.inputs).filter((input) => resolve(input).startsWith(demoDir));
  if (demo.length > 0) {
    console.error(`server/build.mjs: ${relative(process.cwd(), file)} carries the demo data (${demo.join(', ')})`);
    process.exit(1);
  }
  // A source file left out of the bundle is not in the image: it may only be imported dynamically.
  const missing = output.imports.filter((i) => i.external && i.path.startsWith('.') && i.kind !== 'dynamic-import');
  if (missing.length > 0) {
    console.error(
      `server/build.mjs: ${relative(process.cwd(), file)} imports at start-up what it leaves out: ${missing.map((i) => i.path).join(', ')}`,
    );
    process.exit(1);
  }
  const kib = (statSync(file).size / 1024).toFixed(0);
  console.log(
    `${relative(process.cwd(), file).padEnd(28)} ${kib.padStart(6)} KiB  (${Object.keys(output.inputs).length} modules)`,
  );
}

// The API docs page serves Scalar's browser bundle itself (no CDN); the image has no node_modules.
copyFileSync(
  createRequire(import.meta.url).resolve('@scalar/api-reference/browser/standalone.js'),
  join(outDir, 'scalar-standalone.js'),
);

// Aurora's server certificates chain to the RDS certificate authorities, which Node does not trust by default:
// the image carries their bundle and the Dockerfile points DATABASE_CA_FILE at it (aws-bundle.mjs).
const ca = writeRdsCaBundle(outDir);
console.log(`dist/${rdsCaBundleFile}: ${ca.count} RDS CAs, sha256 ${ca.sha256.slice(0, 16)}…`);

// sharp stays a package: its JavaScript, its dependencies and the prebuilt binary
// for this platform (@img/sharp-<os>-<arch> + libvips, installed by npm ci as
// optional dependencies) go to dist/node_modules, where dist/api.mjs resolves them.
// Build on the platform the image runs on (the Dockerfile's build stage does).
const copied = new Set();
/** Node's lookup: node_modules/<name> in this folder or the nearest ancestor that has it. */
function findPackageDir(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}
function copyPackage(name, fromDir) {
  if (copied.has(name)) return;
  const dir = findPackageDir(name, fromDir);
  if (!dir) return; // an optional dependency for another platform
  copied.add(name);
  cpSync(dir, join(outDir, 'node_modules', name), { recursive: true, dereference: true });
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) copyPackage(dep, dir);
}
copyPackage('sharp', serverDir);
copyPackage('kuromoji', serverDir);
if (!copied.has('sharp')) {
  console.error('server/build.mjs: sharp is not installed');
  process.exit(1);
}
console.log(`dist/node_modules: ${[...copied].sort().join(', ')}`);
