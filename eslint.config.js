import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The architecture's dependency direction (DESIGN §4), enforced here:
//   shared/        imports no Node built-ins and no Electron
//   electron/core/ and electron/practice/ import no Electron
//   renderer/      imports only shared/ (plus browser libraries), never electron/ or Node
//   renderer/wizard/ never imports renderer/shell/
//   raw ipcMain / ipcRenderer only in electron/ipc.ts, electron/preload.ts and electron/main.ts
const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'net', 'tls', 'http', 'https', 'dns', 'zlib', 'stream', 'url', 'util', 'events', 'buffer'];

const RENDERER_PATTERNS = [
  { group: ['**/electron/**', 'electron', 'electron/*'], message: 'The renderer talks to the main process only through the contract (renderer/client.ts).' },
  { group: NODE_BUILTINS, message: 'The renderer runs in a browser: no Node built-ins.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty-pattern': 'off',
      // XOAUTH2 separates its fields with \x01: matching it is the point, not a mistake.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: RENDERER_PATTERNS }] },
  },
  {
    // The wizard holds the steps; the shell (router, layout) composes them, never the reverse.
    files: ['renderer/wizard/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...RENDERER_PATTERNS, { group: ['**/shell', '**/shell/**'], message: 'renderer/wizard/ does not import renderer/shell/: the shell hands a step what it needs (wizard/step.ts).' }] },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*', '**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing but itself and zod.' },
            { group: NODE_BUILTINS, message: 'shared/ runs in the browser too: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/practice/**/*.ts', 'electron/cli/**/*.ts', 'electron/serve.ts', 'electron/cli.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Core code runs in plain Node (CLI, browser mode, tests): no Electron.' }], patterns: [{ group: ['**/renderer/**'], message: 'Core code does not import the UI.' }] },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    ignores: ['electron/ipc.ts', 'electron/preload.ts', 'electron/main.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportSpecifier[imported.name=/^(ipcMain|ipcRenderer)$/]", message: 'Raw IPC only in electron/ipc.ts and electron/preload.ts: use the contract.' },
        { selector: "MemberExpression[property.name=/^(ipcMain|ipcRenderer)$/]", message: 'Raw IPC only in electron/ipc.ts and electron/preload.ts: use the contract.' },
      ],
    },
  },
);
