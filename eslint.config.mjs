// Runtime boundaries are folders, and this file is where they are enforced (README.md,
// "Architecture"). A wrong import is a lint error, checked in CI and proven on probe files by
// scripts/lint-boundaries.test.ts. Two rules share the work:
// - `no-restricted-imports` names what must never appear (Electron, Node) with a message saying why;
// - `recado/import-boundaries` is the allow-list: the npm packages and the folders of this
//   repository each folder may import (tests may use any package, never a forbidden folder).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importBoundaries } from './scripts/eslint/import-boundaries.mjs';

// Bare names go in `paths` (exact match); `node:*` in patterns. A pattern such as 'events' would
// also match our own './events'.
const bareBuiltins = ['fs', 'path', 'os', 'crypto', 'http', 'https', 'net', 'child_process', 'url', 'util', 'stream', 'events', 'worker_threads'];
const nodePaths = (message) => bareBuiltins.map((name) => ({ name, message }));
const nodeGlobals = { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', __dirname: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' };

// A regex, not a gitignore group: the group 'electron' would also match '../../electron/core/...'.
const noElectron = { regex: '^electron(/|$)', message: 'Only electron/desktop, electron/main.ts and electron/preload.ts may import electron (or electron/main, electron/renderer…).' };
const electronPackages = { regex: '^electron-(store|log|updater)(/|$)', message: 'electron-store, electron-log and electron-updater import electron; use what the host hands in.' };
const testFiles = ['**/*.test.ts', '**/*.test.tsx', '**/testing/**'];

/** The allow-list of one folder: `packages` for its production files, `folders` for every file. */
function boundary(area, { files, ignores = [], packages, folders }) {
  return [
    {
      files,
      ignores: [...ignores, ...testFiles],
      plugins: { recado: { rules: { 'import-boundaries': importBoundaries } } },
      rules: { 'recado/import-boundaries': ['error', { area, packages, folders }] },
    },
    {
      files: testFiles.map((pattern) => `${files[0].replace('/**', '')}/${pattern}`),
      plugins: { recado: { rules: { 'import-boundaries': importBoundaries } } },
      rules: { 'recado/import-boundaries': ['error', { area: `${area} tests`, folders }] },
    },
  ];
}

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
      'no-restricted-imports': ['error', { patterns: [noElectron, electronPackages] }],
    },
  },
  {
    files: ['shared/**'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodePaths('shared/ runs in the renderer too: no Node modules.'),
          patterns: [
            noElectron,
            electronPackages,
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
          paths: nodePaths('The renderer has no Node: talk to the backend through the contract.'),
          patterns: [
            noElectron,
            electronPackages,
            { group: ['node:*'], message: 'The renderer has no Node: talk to the backend through the contract.' },
            { group: ['**/electron/**'], message: 'The renderer reaches the backend only through the contract (shared/contract).' },
          ],
        },
      ],
    },
  },
  // The allow-lists. shared/ runs on both sides, so only pure packages; the renderer is a browser
  // page; the core is plain Node that never reaches the hosts (electron/desktop, electron/web,
  // main.ts) that start it.
  ...boundary('shared/', { files: ['shared/**'], packages: ['zod', 'libphonenumber-js'], folders: ['shared'] }),
  ...boundary('renderer/', {
    files: ['renderer/**'],
    ignores: ['renderer/vite.config.mts'],
    packages: ['react', 'react-dom', 'react-i18next', 'i18next', '@mantine/*', '@tabler/icons-react', 'mantine-datatable', 'dayjs', 'zod'],
    folders: ['renderer', 'shared'],
  }),
  ...boundary('electron/core', {
    files: ['electron/core/**'],
    packages: ['node:*', 'better-sqlite3', 'drizzle-orm', 'hono', '@hono/node-server', 'zod', 'libphonenumber-js', 'fflate', 'papaparse', 'localtunnel', 'conf'],
    folders: ['electron/core', 'shared'],
  }),
  ...boundary('electron/web', {
    files: ['electron/web/**'],
    packages: ['node:*', 'hono', '@hono/node-server', 'zod'],
    folders: ['electron/web', 'electron/core', 'shared'],
  }),
);
