// ESLint (flat config): ESLint's recommended rules everywhere, and typescript-eslint's type-checked
// recommended rules on top for the TypeScript (it turns off the core rules TypeScript already
// checks). Formatting is Prettier's job, not ESLint's.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The scripts run on Node only: its own globals (process, URL, fetch, timers…), read from the Node
// running ESLint, so no list has to be kept by hand.
const nodeGlobals = Object.fromEntries(Object.getOwnPropertyNames(globalThis).map((name) => [name, 'readonly']));

export default defineConfig(
  {
    // public/ holds built or hand-written browser assets, not part of the TypeScript project.
    ignores: ['dist/', 'node_modules/', 'public/', 'data/', 'test-results/', 'coverage/'],
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'e2e/**/*.{ts,tsx}', 'bench/**/*.{ts,tsx}', 'client/**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test's describe() and it() return promises that the test runner itself awaits: not
      // floating. Every other unhandled promise is still an error.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] }] },
      ],
      // The house convention for a name that must exist but is not used: a leading underscore (an
      // interface's parameter a stand-in ignores, a property left out of a rest object, a loop that
      // only counts).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Off: `async` without `await` is deliberate here. A Fastify plugin or hook that is not async
      // must take and call a `done` callback instead (`app.register(async (scope) => …)`), and the
      // in-memory stand-ins of Promise-returning interfaces (the SQLite ping, the local rate limiter
      // and locks) are async so that a throw becomes a rejection, as in the networked ones.
      '@typescript-eslint/require-await': 'off',
    },
  },
);
