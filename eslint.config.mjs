// Runtime boundaries are folders, and this file is where they are enforced
// (../shared/docs/style.md, rule 1). A wrong import is a lint error, checked in CI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Bare names go in `paths` (exact match); `node:*` in patterns. A pattern such as 'events' would
// also match our own './events'.
const bareBuiltins = ['fs', 'path', 'os', 'crypto', 'http', 'https', 'net', 'child_process', 'url', 'util', 'stream', 'events', 'worker_threads'];
const nodePaths = (message) => bareBuiltins.map((name) => ({ name, message }));
const nodeGlobals = { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', __dirname: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' };

const noElectron = { name: 'electron', message: 'Only electron/desktop, electron/main.ts and electron/preload.ts may import electron.' };
const electronStore = { name: 'electron-store', message: 'electron-store imports electron; use the KeyValueStore the host hands in.' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.tools/**', 'drizzle/**', 'test-results/**', 'playwright-report/**', 'e2e-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.mjs', '*.mts'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: ['electron/core/**', 'electron/web/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron, electronStore] }],
    },
  },
  {
    files: ['shared/**'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodePaths('shared/ runs in the renderer too: no Node modules.')],
          patterns: [
            { group: ['node:*'], message: 'shared/ runs in the renderer too: no Node modules.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing of the app.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    ignores: ['renderer/vite.config.mts', 'renderer/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodePaths('The renderer has no Node: talk to the backend through the contract.')],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node: talk to the backend through the contract.' },
            { group: ['**/electron/**'], message: 'The renderer reaches the backend only through the contract (shared/contract).' },
          ],
        },
      ],
    },
  },
);
