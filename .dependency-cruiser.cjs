/**
 * Module boundaries, checked by `npm run check`:
 * - platform is imported by modules, never the reverse;
 * - a module never imports another module (it uses a port or a flow);
 * - everything else reaches a module only through its public surface (modules/<m>/public.ts);
 * - flows compose modules; entry points stay thin; demo data (server/demo/) is reached only through a flow;
 * - in the web app, a feature never imports another feature;
 * - nothing is circular.
 * Tests (*.test.ts) are exempt from the layering rules: integration tests
 * assemble the whole app, as production's composition root does.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'platform-is-below-modules',
      comment: 'Platform code must not depend on modules, flows, the composition root or entry points.',
      severity: 'error',
      from: { path: '^server/src/platform/', pathNot: '\\.test\\.ts$' },
      to: { path: '^server/src/(modules|flows|entry)/|^server/src/(app|server)\\.ts$' },
    },
    {
      name: 'modules-are-independent',
      comment: 'A module calls another through a port wired by the composition root, or a flow; never directly.',
      severity: 'error',
      from: { path: '^server/src/modules/([^/]+)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^server/src/modules/', pathNot: '^server/src/modules/$1/' },
    },
    {
      name: 'modules-only-through-public-surface',
      comment:
        "Outside modules/<m>/ (flows, app.ts, server.ts, entry points, demo) a module is reached only through its declared surface, modules/<m>/public.ts (Medusa v2's module interfaces). Tests and server/test/ and bench/ assemble or measure internals and are not cruised as sources. Drizzle's schema files need no exception: drizzle.config.ts names them by a glob for drizzle-kit, it does not import them.",
      severity: 'error',
      from: { path: '^server/(src|demo)/', pathNot: '^server/src/modules/|\\.test\\.ts$' },
      to: { path: '^server/src/modules/[^/]+/', pathNot: '^server/src/modules/[^/]+/public\\.ts$' },
    },
    {
      name: 'modules-do-not-use-flows',
      severity: 'error',
      from: { path: '^server/src/modules/', pathNot: '\\.test\\.ts$' },
      to: { path: '^server/src/(flows|entry)/|^server/src/(app|server)\\.ts$' },
    },
    {
      name: 'demo-data-stays-out-of-modules',
      comment: 'The demo storehouse (server/demo/) is loaded by a flow; modules and platform never see it.',
      severity: 'error',
      from: { path: '^server/src/(modules|platform)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^server/demo/' },
    },
    {
      name: 'flows-do-not-use-entry-points',
      severity: 'error',
      from: { path: '^server/src/flows/', pathNot: '\\.test\\.ts$' },
      to: { path: '^server/src/entry/|^server/src/(app|server)\\.ts$' },
    },
    {
      name: 'web-features-are-independent',
      comment: 'Features are composed in routes, not by importing each other (bulletproof-react).',
      severity: 'error',
      from: { path: '^web/src/features/([^/]+)/' },
      to: { path: '^web/src/features/', pathNot: '^web/src/features/$1/' },
    },
    {
      name: 'web-does-not-import-server-code',
      comment: 'The web client is typed from the generated OpenAPI types, not the server sources.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^server/' },
    },
    {
      name: 'no-test-code-in-production',
      severity: 'error',
      from: { path: '^(server|web)/src/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '\\.test\\.tsx?$|^server/test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|cdk\\.out|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
