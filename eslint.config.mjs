import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * Import boundaries (the VS Code layering idea): core is plain Node and never sees Electron, main, preload, cli or
 * the renderer; the renderer sees only the pure contract modules of core/api and core/shared; the CLI never sees
 * Electron.
 */
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'electron'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'native/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'core runs in plain Node: no Electron imports.' },
            { group: ['**/main/**', '**/preload/**', '**/cli/**', '**/renderer/**'], message: 'core must not import outer layers.' },
            { group: ['**/tests/**'], message: 'development tools (tests/, demo data, benchmarks) are never shipped: nothing under electron/ imports them.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'the CLI runs in plain Node.' },
            { group: ['**/main/**', '**/preload/**', '**/renderer/**'], message: 'the CLI talks to core only.' },
            { group: ['**/tests/**'], message: 'the shipped CLI never imports development tools (demo-data lives in tests/demo-data).' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/tests/**'], message: 'development tools are never shipped.' }] }],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/cli/**', '**/renderer/**'], message: 'preload exposes the contract only.' },
            { group: ['**/tests/**'], message: 'development tools are never shipped.' },
            {
              regex: '/core/(?!contract/(methods|kim-api|ipc-channels)$)',
              message: 'preload may use only the contract, never core services.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.filter((n) => !n.includes('*')).map((name) => ({ name, message: 'The renderer has no Node or Electron; use window.kim.' })),
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node; use window.kim.' },
            { group: ['**/electron/main/**', '**/electron/preload/**', '**/electron/cli/**', '**/tests/**'], message: 'renderer talks to the backend only through window.kim.' },
            {
              regex: '/electron/core/(?!contract/)',
              message: 'renderer may import only the pure contract floor of core (electron/core/contract).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/cli/**/*.ts', 'tests/**/*.ts', 'scripts/**/*', '*.config.*'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
