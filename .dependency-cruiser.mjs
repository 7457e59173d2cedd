/**
 * The import boundaries of src/ (docs/architecture.md), for dependency-cruiser. Paths are relative to
 * the repository root. Checked by `npm run check:boundaries` (scripts/check-boundaries.mjs), which
 * also finds cycles between folders, something no dependency-cruiser rule can express.
 *
 * Type-only imports count like any other: a type is part of what one file needs from another.
 *
 * Test files (*.test.ts, *.test.tsx) and the test support in src/testing/ may reach past the
 * boundaries that keep the web layer off the database and modules apart (rules 2 and 3): a test
 * sets up data and looks inside the unit it tests, and neither ships (tsconfig.build.json leaves
 * them out). They must still never form a cycle, and modules' tests never reach up into the web.
 */
const TEST = '\\.test\\.tsx?$|^src/testing/';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Files under src/ must not import each other in a loop, directly or through others.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/', circular: true },
    },
    {
      name: 'web-not-into-db',
      comment: 'The web layer translates HTTP into calls on modules: it never touches the database, its schema (row types) or a repository.',
      severity: 'error',
      from: { path: '^src/web/', pathNot: TEST },
      to: { path: '^src/db/|\\.repository\\.tsx?$' },
    },
    {
      name: 'module-through-index',
      comment: "A module uses another module only through that module's index.ts, its public face.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: TEST },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'outside-through-index',
      comment: 'Outside src/modules/ (the web layer, deps.ts, the cluster, …) a module is used only through its index.ts.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/modules/', TEST] },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'core-not-into-edge',
      comment: 'Modules and shared code know nothing of the transports or the wiring: no src/web/, deps.ts, app.ts or main.ts.',
      severity: 'error',
      from: { path: '^src/(modules|shared)/' },
      to: { path: '^src/(web/|deps\\.ts$|app\\.ts$|main\\.ts$)' },
    },
    {
      name: 'shared-not-into-modules',
      comment: 'src/shared/ sits below every module: it imports none of them.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/modules/' },
    },
  ],
  options: {
    includeOnly: '^src/',
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
