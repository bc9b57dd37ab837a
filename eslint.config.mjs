import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import { coreLayerZones } from './scripts/core-layers.mjs';

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
    // The floors of core (contract → platform → domain → api) and the order of the domain areas: see
    // scripts/core-layers.mjs and electron/core/README.md. No import cycles anywhere.
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}', 'tests/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
      // Follow imports through TypeScript files too, or no-cycle sees no edges.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: coreLayerZones }],
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
          ],
        },
      ],
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
            {
              // Values only from these small modules, so the preload bundle carries method names, not the zod schemas.
              regex: '/core/(?!contract/(kim-api|method-names|lock-reasons|ipc-channels)$)',
              allowTypeImports: true,
              message: 'preload may use only the bridge modules of the contract (kim-api, method-names, lock-reasons, ipc-channels), never core services or schemas.',
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
